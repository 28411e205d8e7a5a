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

/// <summary>
/// Fixes REPRO003 with a fixed seed (the project's ReproSeed, or 42). When the seed comes from a local
/// (<c>var seed = Environment.TickCount; new Random(seed)</c>), the local goes too if nothing else reads it, and
/// otherwise gets the fixed seed as its value, so logging it still tells the truth; a clock-derived local is never
/// left behind unused.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClockSeedFixer))]
[Shared]
public sealed class ClockSeedFixer : CodeFixProvider
{
    private static readonly ReproFixAllProvider FixAll = new(nameof(ClockSeedFixer));

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ClockSeed);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not ExpressionSyntax seed || model is null)
        {
            return;
        }

        var value = SeedValue.For(context.Document, seed.SyntaxTree);
        var local = SeedLocal(seed, model, context.CancellationToken);
        context.RegisterCodeFix(
            CodeAction.Create(
                string.Format(CultureInfo.InvariantCulture, "Use the fixed seed {0}", value),
                ct => ReplaceAsync(context.Document, seed, local, value, ct),
                equivalenceKey: nameof(ClockSeedFixer)),
            context.Diagnostics);
    }

    /// <summary>The declaration of the local the seed reads (through casts, parentheses and unchecked), with its readers.</summary>
    private static (LocalDeclarationStatementSyntax Statement, VariableDeclaratorSyntax Declarator, int Readers)? SeedLocal(ExpressionSyntax seed, SemanticModel model, CancellationToken cancellationToken)
    {
        var inner = seed;
        while (true)
        {
            switch (inner)
            {
                case CastExpressionSyntax cast:
                    inner = cast.Expression;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    inner = parenthesized.Expression;
                    continue;
                case CheckedExpressionSyntax @checked:
                    inner = @checked.Expression;
                    continue;
            }

            break;
        }

        if (inner is not IdentifierNameSyntax identifier
            || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: not null } declarator
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement })
        {
            return null;
        }

        var scope = statement.Parent is GlobalStatementSyntax ? statement.SyntaxTree.GetRoot(cancellationToken) : statement.Parent;
        var readers = scope?.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Count(name => name.Identifier.Text == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local)) ?? 0;
        return (statement, declarator, readers);
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax seed, (LocalDeclarationStatementSyntax Statement, VariableDeclaratorSyntax Declarator, int Readers)? local, int value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var literal = SeedValue.Literal(value);
        if (local is { Readers: > 1 } shared)
        {
            // Others read the local (a log line, a second generator): give it the fixed seed and keep the reads.
            var initializer = shared.Declarator.Initializer!.Value;
            return document.WithSyntaxRoot(root.ReplaceNode(initializer, literal.WithTriviaFrom(initializer)));
        }

        if (local is { } only)
        {
            // The seed was the local's only reader: the literal takes its place and the clock read goes.
            SyntaxNode removed = only.Statement.Parent is GlobalStatementSyntax global ? global : only.Statement;
            var tracked = root.TrackNodes(seed, removed);
            tracked = tracked.ReplaceNode(tracked.GetCurrentNode(seed)!, literal.WithTriviaFrom(seed));
            return document.WithSyntaxRoot(tracked.RemoveNode(tracked.GetCurrentNode(removed)!, SyntaxRemoveOptions.KeepUnbalancedDirectives)!);
        }

        return document.WithSyntaxRoot(root.ReplaceNode(seed, literal.WithTriviaFrom(seed)));
    }
}
