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

/// <summary>Fixes REPRO004: <c>new MLContext()</c> becomes <c>new MLContext(seed: 42)</c> (or the project's ReproSeed).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededMLContextFixer))]
[Shared]
public sealed class UnseededMLContextFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UnseededMLContext);

    private static readonly ReproFixAllProvider FixAll = new(nameof(UnseededMLContextFixer));

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

        var value = SeedValue.For(context.Document, creation.SyntaxTree);
        context.RegisterCodeFix(
            CodeAction.Create(
                string.Format(CultureInfo.InvariantCulture, "Seed the context with {0}", value),
                ct => AddSeedAsync(context.Document, creation, value, ct),
                equivalenceKey: nameof(UnseededMLContextFixer)),
            context.Diagnostics);
    }

    private static async Task<Document> AddSeedAsync(Document document, BaseObjectCreationExpressionSyntax creation, int value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var literal = SeedValue.Literal(value);
        var arguments = creation.ArgumentList ?? SyntaxFactory.ArgumentList();

        // Replace an explicit 'seed: null' (named, or the first positional argument); otherwise add 'seed: N'.
        var existing = arguments.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.Text == "seed")
            ?? (arguments.Arguments.FirstOrDefault() is { NameColon: null } first && first.Expression.IsKind(SyntaxKind.NullLiteralExpression) ? first : null);
        var newArguments = existing is not null
            ? arguments.ReplaceNode(existing, existing.WithExpression(literal))
            : arguments.AddArguments(SyntaxFactory.Argument(SyntaxFactory.NameColon("seed"), default, literal));

        var replacement = creation.WithArgumentList(newArguments);
        return document.WithSyntaxRoot(root.ReplaceNode(creation, replacement));
    }
}
