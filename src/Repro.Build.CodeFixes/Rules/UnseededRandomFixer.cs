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

namespace Repro.Build.CodeFixes.Rules;

/// <summary>Fixes REPRO001 by passing a seed: <c>new Random()</c> becomes <c>new Random(42)</c> (or the project's ReproSeed).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededRandomFixer))]
[Shared]
public sealed class UnseededRandomFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UnseededRandom);

    private static readonly ReproFixAllProvider FixAll = new(nameof(UnseededRandomFixer));

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var creation = root?.FindNode(context.Span, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .OfType<BaseObjectCreationExpressionSyntax>()
            .FirstOrDefault();
        if (creation is null)
        {
            return;
        }

        var seed = SeedValue.For(context.Document, creation.SyntaxTree);
        var title = string.Format(CultureInfo.InvariantCulture, "Seed the generator with {0}", seed);
        context.RegisterCodeFix(
            CodeAction.Create(title, ct => AddSeedAsync(context.Document, creation, seed, ct), equivalenceKey: nameof(UnseededRandomFixer)),
            context.Diagnostics);
    }

    private static async Task<Document> AddSeedAsync(Document document, BaseObjectCreationExpressionSyntax creation, int seed, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var seedArgument = SyntaxFactory.Argument(
            SeedValue.Literal(seed));
        // A comment inside the empty parentheses ("new Random(/* no seed yet */)") is about the missing seed: it goes.
        var arguments = creation.ArgumentList is { } existing
            ? existing.WithArguments(SyntaxFactory.SingletonSeparatedList(seedArgument))
                .WithOpenParenToken(existing.OpenParenToken.WithTrailingTrivia())
                .WithCloseParenToken(existing.CloseParenToken.WithLeadingTrivia())
            : SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(seedArgument));

        var replacement = creation.WithArgumentList(arguments);

        return document.WithSyntaxRoot(root.ReplaceNode(creation, replacement));
    }
}
