namespace Repro.Build.CodeFixes.Rules;

/// <summary>
/// Fixes REPRO003 with a fixed seed (the project's ReproSeed, or 42). When the seed comes from a local
/// (<c>var seed = Environment.TickCount; new Random(seed)</c>), the local goes too if nothing else reads it, and
/// otherwise gets the fixed seed as its value, so logging it still tells the truth; a clock-derived local is never
/// left behind unused.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClockSeedFixer))]
[Shared]
public sealed class ClockSeedFixer : SeedArgumentFixer
{
    public ClockSeedFixer()
        : base(RuleIdentifiers.ClockSeed, "Use the fixed seed {0}")
    {
    }

    private protected override SyntaxNode? Target(SyntaxNode reported) => reported as ExpressionSyntax;

    private protected override void InsertSeed(DocumentEditor editor, SyntaxNode target, LiteralExpressionSyntax seed)
    {
        var clockSeed = (ExpressionSyntax)target;
        var local = SeedLocal(clockSeed, editor.SemanticModel);
        if (local is { Readers: > 1 } shared)
        {
            // Others read the local (a log line, a second generator): give it the fixed seed and keep the reads.
            var initializer = shared.Declarator.Initializer!.Value;
            editor.ReplaceNode(initializer, seed.WithTriviaFrom(initializer));
            return;
        }

        editor.ReplaceNode(clockSeed, seed.WithTriviaFrom(clockSeed));
        if (local is { } only)
        {
            // The seed was the local's only reader: the literal takes its place and the clock read goes.
            editor.RemoveNode(only.Statement.Parent is GlobalStatementSyntax global ? global : only.Statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }
    }

    /// <summary>The declaration of the local the seed reads (through casts, parentheses and unchecked), with its readers.</summary>
    private static (LocalDeclarationStatementSyntax Statement, VariableDeclaratorSyntax Declarator, int Readers)? SeedLocal(ExpressionSyntax seed,
        SemanticModel model)
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
            || model.GetSymbolInfo(identifier).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Initializer: not null } declarator
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement })
        {
            return null;
        }

        var scope = statement.Parent is GlobalStatementSyntax ? statement.SyntaxTree.GetRoot() : statement.Parent;
        var readers = scope?.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Count(name => name.Identifier.Text == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local)) ?? 0;
        return (statement, declarator, readers);
    }
}
