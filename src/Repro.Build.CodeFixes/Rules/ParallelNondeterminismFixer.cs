using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Repro.Build.Analyzers;
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
public sealed class ParallelNondeterminismFixer : CodeFixProvider
{
    private static readonly ReproFixAllProvider FixAll = new(nameof(ParallelNondeterminismFixer));

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ParallelNondeterminism);

    public override FixAllProvider GetFixAllProvider() => FixAll;

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
                context.RegisterCodeFix(
                    CodeAction.Create("Add AsOrdered()", ct => AddAsOrderedAsync(context.Document, asParallel, ct), equivalenceKey: nameof(ParallelNondeterminismFixer)),
                    diagnostic);
            }
            else if (kind == "reduction" && node?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault() is { Expression: MemberAccessExpressionSyntax } reduction)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Reduce in order", ct => ReduceInOrderAsync(context.Document, reduction, asParallel, ct), equivalenceKey: nameof(ParallelNondeterminismFixer)),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> AddAsOrderedAsync(Document document, InvocationExpressionSyntax asParallel, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(asParallel, Ordered(asParallel)));
    }

    private static async Task<Document> ReduceInOrderAsync(Document document, InvocationExpressionSyntax reduction, InvocationExpressionSyntax? asParallel, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var access = (MemberAccessExpressionSyntax)reduction.Expression;
        var query = access.Expression;
        var alreadyOrdered = query.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Any(m => m.Name.Identifier.Text == "AsOrdered");
        if (asParallel is not null && !alreadyOrdered)
        {
            query = query.ReplaceNode(asParallel, Ordered(asParallel));
        }

        var materialized = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, query.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("ToArray")));
        var replacement = reduction.WithExpression(access.WithExpression(materialized));
        return document.WithSyntaxRoot(root.ReplaceNode(reduction, replacement));
    }

    private static InvocationExpressionSyntax Ordered(InvocationExpressionSyntax asParallel) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, asParallel.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("AsOrdered")))
            .WithTrailingTrivia(asParallel.GetTrailingTrivia());
}
