using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Repro.Build.CodeFixes.Rules;

/// <summary>
/// Fixes REPRO007. An array held in a local (in a method, a switch section or top-level statements) is sorted in place
/// after its declaration: <c>Array.Sort(files, StringComparer.Ordinal);</c> (by <c>FullName</c> for FileInfo and
/// DirectoryInfo). Any other listing is wrapped: <c>Directory.EnumerateFiles(d).OrderBy(f => f, StringComparer.Ordinal)</c>,
/// with <c>.ToArray()</c> when an array listing's surroundings need an array (not before <c>.ToList()</c>, another LINQ
/// operator or a foreach), so every REPRO007 has a fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnorderedDirectoryListingFixer))]
[Shared]
public sealed class UnorderedDirectoryListingFixer : ReproFixer
{
    private const string Title = "Sort the listing ordinally";

    public UnorderedDirectoryListingFixer()
        : base(RuleIdentifiers.UnorderedDirectoryListing)
    {
    }

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var listing = root?.FindNode(context.Span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (listing is null || model is null)
        {
            return;
        }

        var type = model.GetTypeInfo(listing, context.CancellationToken).Type;
        var element = ElementType(type);
        var byFullName = element?.SpecialType != SpecialType.System_String;
        if (listing.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            && declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement }
            && statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax
            && type is IArrayTypeSymbol)
        {
            var array = TypeNames.Shortest(model, statement.SpanStart, "System.Array");
            var comparer = TypeNames.Shortest(model, statement.SpanStart, "System.StringComparer");
            var comparison = byFullName ? "(a, b) => string.CompareOrdinal(a.FullName, b.FullName)" : comparer + ".Ordinal";
            var sortText = $"{array}.Sort({declarator.Identifier.Text}, {comparison});";
            Register(context, context.Diagnostics, Title, editor => AddSort(editor, statement, sortText));
            return;
        }

        var linqInScope = type is not null && model.LookupSymbols(listing.SpanStart, type, "OrderBy", includeReducedExtensionMethods: true).Any();
        var key = byFullName ? "entry => entry.FullName" : "path => path";
        var toArray = type is IArrayTypeSymbol && NeedsArray(listing, model, context.CancellationToken) ? ".ToArray()" : "";
        var ordinal = TypeNames.Shortest(model, listing.SpanStart, "System.StringComparer");
        var sortedText = $"{listing.WithoutTrivia().ToFullString()}.OrderBy({key}, {ordinal}.Ordinal){toArray}";
        Register(context, context.Diagnostics, Title, editor => Wrap(editor, listing, sortedText, linqInScope));
    }

    /// <summary>
    /// Whether the code around an array listing needs an array back (an element access, Length, a string[] variable or
    /// parameter); a listing read by foreach or by a LINQ operator (ToList, Where…) takes the ordered sequence as it is,
    /// so no ToArray() goes in between.
    /// </summary>
    private static bool NeedsArray(InvocationExpressionSyntax listing, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode current = listing;
        while (current.Parent is ParenthesizedExpressionSyntax)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case ForEachStatementSyntax loop when loop.Expression == current:
                return false;
            case MemberAccessExpressionSyntax access when access.Expression == current:
                return !(model.GetSymbolInfo(access, cancellationToken).Symbol is IMethodSymbol { ReducedFrom: { } extension }
                    && SymbolEqualityComparer.Default.Equals(extension.ContainingType, model.Compilation.GetTypeByMetadataName("System.Linq.Enumerable")));
            case ArgumentSyntax argument:
                return model.GetOperation(argument,
                    cancellationToken) is not Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter.Type: not IArrayTypeSymbol };
            default:
                return true;
        }
    }

    private static ITypeSymbol? ElementType(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { TypeArguments.Length: 1 } enumerable => enumerable.TypeArguments[0],
        _ => null,
    };

    private static void AddSort(DocumentEditor editor, LocalDeclarationStatementSyntax statement, string sortText)
    {
        // The new line copies the declaration's indentation and line end, so the file keeps its style.
        var sort = SyntaxFactory.ParseStatement(sortText)
            .WithLeadingTrivia(statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);

        // In top-level statements the declaration sits in a global statement, and so must the new line.
        SyntaxNode anchor = statement.Parent is GlobalStatementSyntax global ? global : statement;
        SyntaxNode inserted = anchor is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(sort) : sort;
        editor.InsertAfter(anchor, inserted);
    }

    private static void Wrap(DocumentEditor editor, InvocationExpressionSyntax listing, string sortedText, bool linqInScope)
    {
        editor.ReplaceNode(listing, SyntaxFactory.ParseExpression(sortedText).WithTriviaFrom(listing).WithAdditionalAnnotations(Formatter.Annotation,
            Simplifier.Annotation));
        if (!linqInScope && editor.OriginalRoot is CompilationUnitSyntax)
        {
            editor.ReplaceNode(editor.OriginalRoot, (root, _) =>
            {
                var unit = (CompilationUnitSyntax)root;
                var trailing = unit.Usings.LastOrDefault()?.GetTrailingTrivia() ?? SyntaxFactory.TriviaList(SyntaxFactory.ElasticLineFeed);
                return unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("System.Linq")).NormalizeWhitespace().WithTrailingTrivia(trailing));
            });
        }
    }
}
