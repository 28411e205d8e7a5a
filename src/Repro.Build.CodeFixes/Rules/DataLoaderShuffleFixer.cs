using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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

/// <summary>Fixes REPRO011 by adding <c>seed: 42</c> (or the project's ReproSeed) to the DataLoader call.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DataLoaderShuffleFixer))]
[Shared]
public sealed class DataLoaderShuffleFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UnseededDataLoaderShuffle);

    private static readonly ReproFixAllProvider FixAll = new(nameof(DataLoaderShuffleFixer));

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (!context.Diagnostics.All(d => d.Properties.TryGetValue(DataLoaderShuffleAnalyzer.FixProperty, out var fix) && fix == "add-seed"))
        {
            return; // a derived DataLoader without a seed parameter: its constructor needs one, a design change
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(context.Span, getInnermostNodeForTie: true);
        var arguments = node switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
            ConstructorInitializerSyntax initializer => initializer.ArgumentList,
            _ => null,
        };
        if (arguments is null || node is null)
        {
            return;
        }

        var seed = SeedValue.For(context.Document, node.SyntaxTree);
        context.RegisterCodeFix(
            CodeAction.Create(
                string.Format(CultureInfo.InvariantCulture, "Shuffle with the seed {0}", seed),
                ct => AddSeedAsync(context.Document, arguments, seed, ct),
                equivalenceKey: nameof(DataLoaderShuffleFixer)),
            context.Diagnostics);
    }

    private static async Task<Document> AddSeedAsync(Document document, ArgumentListSyntax arguments, int seed, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var argument = SyntaxFactory.Argument(
            SyntaxFactory.NameColon("seed"), default, SeedValue.Literal(seed));
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(arguments, arguments.AddArguments(argument)));
    }
}
