using System.Collections.Immutable;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Formatting;

namespace Repro.Build.CodeFixes;

/// <summary>
/// The fixers that give a generator its seed (REPRO001, 003, 004, 009, 011): each finds the node its rule reports and
/// puts the seed there; this class does the rest once. The seed is the project's <c>ReproSeed</c> (or 42, see
/// <see cref="SeedValue"/>), the action's title names it, and every diagnostic the fixer can mend gets the action.
/// </summary>
public abstract class SeedArgumentFixer : ReproFixer
{
    private readonly string _titleFormat;

    /// <param name="diagnosticId">The rule.</param>
    /// <param name="titleFormat">The action's title, with <c>{0}</c> for the seed.</param>
    private protected SeedArgumentFixer(string diagnosticId, string titleFormat)
        : base(diagnosticId)
    {
        _titleFormat = titleFormat;
    }

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        var seed = SeedValue.For(context.Document, root.SyntaxTree);
        var title = string.Format(CultureInfo.InvariantCulture, _titleFormat, seed);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (CanFix(diagnostic) && Target(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is { } target)
            {
                Register(context, ImmutableArray.Create(diagnostic), title, editor => InsertSeed(editor, target,
                    SeedValue.Literal(seed).WithAdditionalAnnotations(Formatter.Annotation)));
            }
        }
    }

    /// <summary>False for findings the rule marks as needing more than a seed (a design change).</summary>
    private protected virtual bool CanFix(Diagnostic diagnostic) => true;

    /// <summary>The node the seed goes into, from the node the diagnostic is reported on; null when there is none.</summary>
    private protected abstract SyntaxNode? Target(SyntaxNode reported);

    /// <summary>Puts <paramref name="seed"/> into <paramref name="target"/>.</summary>
    private protected abstract void InsertSeed(DocumentEditor editor, SyntaxNode target, LiteralExpressionSyntax seed);

    /// <summary>The object creation (<c>new T(…)</c> or <c>new(…)</c>) the reported node is in.</summary>
    private protected static SyntaxNode? EnclosingCreation(SyntaxNode reported) =>
        reported.AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault();

    /// <summary>The argument list of a creation, call or <c>base(…)</c>/<c>this(…)</c> call.</summary>
    private protected static ArgumentListSyntax? ArgumentsOf(SyntaxNode node) => node switch
    {
        BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
        InvocationExpressionSyntax invocation => invocation.ArgumentList,
        ConstructorInitializerSyntax initializer => initializer.ArgumentList,
        _ => null,
    };

    /// <summary><c>seed: N</c>.</summary>
    private protected static ArgumentSyntax NamedSeed(ExpressionSyntax seed) =>
        SyntaxFactory.Argument(SyntaxFactory.NameColon("seed"), default, seed);
}
