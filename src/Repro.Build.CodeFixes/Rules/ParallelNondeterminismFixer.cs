using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Formatting;
using Repro.Build.Analyzers.Rules;

namespace Repro.Build.CodeFixes.Rules;

/// <summary>
/// Fixes REPRO008's PLINQ findings. Order: <c>x.AsParallel()</c> becomes <c>x.AsParallel().AsOrdered()</c>.
/// Floating-point reductions: the work stays parallel and the reduction runs in order,
/// <c>x.AsParallel().Select(f).Sum()</c> becoming <c>x.AsParallel().AsOrdered().Select(f).ToArray().Sum()</c>.
/// Parallel loops (accumulators, concurrent collections) need a human decision and get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ParallelNondeterminismFixer))]
[Shared]
public sealed class ParallelNondeterminismFixer : ReproFixer
{
    public ParallelNondeterminismFixer()
        : base(RuleIdentifiers.ParallelNondeterminism)
    {
    }

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ParallelNondeterminismAnalyzer.KindProperty, out var kind) || kind is not ("order" or "reduction"))
            {
                continue;
            }

            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var asParallel = node?.DescendantNodesAndSelf()
                .OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "AsParallel" });
            if (kind == "order" && asParallel is not null)
            {
                Register(context, ImmutableArray.Create(diagnostic), "Add AsOrdered()", editor => editor.ReplaceNode(asParallel, Ordered(asParallel)));
            }
            else if (kind == "reduction"
                && node?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault() is { Expression: MemberAccessExpressionSyntax } reduction)
            {
                Register(context, ImmutableArray.Create(diagnostic), "Reduce in order", editor => editor.ReplaceNode(reduction, ReducedInOrder(reduction,
                    asParallel)));
            }
        }
    }

    /// <summary><c>q.Sum()</c> → <c>q.AsOrdered().ToArray().Sum()</c> (AsOrdered() once).</summary>
    private static InvocationExpressionSyntax ReducedInOrder(InvocationExpressionSyntax reduction, InvocationExpressionSyntax? asParallel)
    {
        var access = (MemberAccessExpressionSyntax)reduction.Expression;
        var query = access.Expression;
        var alreadyOrdered = query.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Any(m => m.Name.Identifier.Text == "AsOrdered");
        if (asParallel is not null && !alreadyOrdered)
        {
            query = query.ReplaceNode(asParallel, Ordered(asParallel));
        }

        var materialized = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, query.WithoutTrailingTrivia(),
                SyntaxFactory.IdentifierName("ToArray")));
        return reduction.WithExpression(access.WithExpression(materialized.WithAdditionalAnnotations(Formatter.Annotation)));
    }

    private static InvocationExpressionSyntax Ordered(InvocationExpressionSyntax asParallel) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, asParallel.WithoutTrailingTrivia(),
                SyntaxFactory.IdentifierName("AsOrdered")))
            .WithTrailingTrivia(asParallel.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
}
