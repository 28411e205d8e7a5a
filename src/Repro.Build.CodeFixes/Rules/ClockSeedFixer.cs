using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Repro.Build.Analyzers;

namespace Repro.Build.CodeFixes.Rules;

/// <summary>Fixes REPRO003 by replacing the clock-derived seed with a fixed one (the project's ReproSeed, or 42).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClockSeedFixer))]
[Shared]
public sealed class ClockSeedFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ClockSeed);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not ExpressionSyntax seed)
        {
            return;
        }

        var value = SeedValue.For(context.Document, seed.SyntaxTree);
        context.RegisterCodeFix(
            CodeAction.Create(
                string.Format(CultureInfo.InvariantCulture, "Use the fixed seed {0}", value),
                ct => ReplaceAsync(context.Document, seed, value, ct),
                equivalenceKey: nameof(ClockSeedFixer)),
            context.Diagnostics);
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax seed, int value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var literal = SeedValue.Literal(value).WithTriviaFrom(seed);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(seed, literal));
    }
}
