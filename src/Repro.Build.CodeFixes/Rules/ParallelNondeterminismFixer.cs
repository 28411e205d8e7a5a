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

/// <summary>Fixes REPRO008's order findings: <c>x.AsParallel()</c> becomes <c>x.AsParallel().AsOrdered()</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ParallelNondeterminismFixer))]
[Shared]
public sealed class ParallelNondeterminismFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ParallelNondeterminism);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ParallelNondeterminismAnalyzer.KindProperty, out var kind) || kind != "order")
            {
                continue; // floating-point reductions need a human decision
            }

            var asParallel = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .DescendantNodesAndSelf()
                .OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "AsParallel" });
            if (asParallel is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Add AsOrdered()", ct => AddAsOrderedAsync(context.Document, asParallel, ct), equivalenceKey: nameof(ParallelNondeterminismFixer)),
                diagnostic);
        }
    }

    private static async Task<Document> AddAsOrderedAsync(Document document, InvocationExpressionSyntax asParallel, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var ordered = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, asParallel.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("AsOrdered")))
            .WithTrailingTrivia(asParallel.GetTrailingTrivia());
        return document.WithSyntaxRoot(root.ReplaceNode(asParallel, ordered));
    }
}
