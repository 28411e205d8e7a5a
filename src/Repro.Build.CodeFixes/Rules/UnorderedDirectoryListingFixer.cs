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
using Microsoft.CodeAnalysis.Simplification;
using Repro.Build.Analyzers;

namespace Repro.Build.CodeFixes.Rules;

/// <summary>
/// Fixes REPRO007 where the listing is a string array held in a local:
/// <c>var files = Directory.GetFiles(dir);</c> is followed by <c>Array.Sort(files, StringComparer.Ordinal);</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnorderedDirectoryListingFixer))]
[Shared]
public sealed class UnorderedDirectoryListingFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UnorderedDirectoryListing);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var listing = root?.FindNode(context.Span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (listing?.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax statement
            || statement.Parent is not BlockSyntax
            || model?.GetTypeInfo(listing, context.CancellationToken).Type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String })
        {
            return; // only string arrays held in a local have a one-line fix
        }

        context.RegisterCodeFix(
            CodeAction.Create("Sort the listing ordinally", ct => AddSortAsync(context.Document, statement, declarator.Identifier.Text, ct), equivalenceKey: nameof(UnorderedDirectoryListingFixer)),
            context.Diagnostics);
    }

    private static async Task<Document> AddSortAsync(Document document, LocalDeclarationStatementSyntax statement, string local, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // The new line copies the declaration's indentation and line end, so the file keeps its style.
        var sort = SyntaxFactory.ParseStatement($"global::System.Array.Sort({local}, global::System.StringComparer.Ordinal);")
            .WithLeadingTrivia(statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Simplifier.Annotation);
        var updated = document.WithSyntaxRoot(root.InsertNodesAfter(statement, new[] { sort }));
        return await Simplifier.ReduceAsync(updated, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
