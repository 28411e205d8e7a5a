using Repro.Build.Analyzers.Rules;

namespace Repro.Build.CodeFixes.Rules;

/// <summary>
/// Fixes REPRO009 where a seed overload exists with the seed last: <c>new MersenneTwister()</c> becomes
/// <c>new MersenneTwister(42)</c>, <c>Matrix&lt;double&gt;.Build.Random(3, 4)</c> becomes <c>….Random(3, 4, 42)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededMathNetFixer))]
[Shared]
public sealed class UnseededMathNetFixer : SeedArgumentFixer
{
    public UnseededMathNetFixer()
        : base(RuleIdentifiers.UnseededMathNet, "Pass the seed {0}")
    {
    }

    private protected override bool CanFix(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(UnseededMathNetAnalyzer.FixProperty, out var fix) && fix == "append-seed";

    private protected override SyntaxNode? Target(SyntaxNode reported) => reported is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax
        ? ArgumentsOf(reported) : null;

    private protected override void InsertSeed(DocumentEditor editor, SyntaxNode target, LiteralExpressionSyntax seed)
    {
        var arguments = (ArgumentListSyntax)target;
        editor.ReplaceNode(arguments, arguments.AddArguments(SyntaxFactory.Argument(seed)));
    }
}
