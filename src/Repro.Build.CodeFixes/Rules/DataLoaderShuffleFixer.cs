using Repro.Build.Analyzers.Rules;

namespace Repro.Build.CodeFixes.Rules;

/// <summary>Fixes REPRO011 by adding <c>seed: 42</c> (or the project's ReproSeed) to the DataLoader call.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DataLoaderShuffleFixer))]
[Shared]
public sealed class DataLoaderShuffleFixer : SeedArgumentFixer
{
    public DataLoaderShuffleFixer()
        : base(RuleIdentifiers.UnseededDataLoaderShuffle, "Shuffle with the seed {0}")
    {
    }

    // A derived DataLoader without a seed parameter: its constructor needs one, a design change.
    private protected override bool CanFix(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DataLoaderShuffleAnalyzer.FixProperty, out var fix) && fix == "add-seed";

    private protected override SyntaxNode? Target(SyntaxNode reported) => ArgumentsOf(reported);

    private protected override void InsertSeed(DocumentEditor editor, SyntaxNode target, LiteralExpressionSyntax seed)
    {
        var arguments = (ArgumentListSyntax)target;
        editor.ReplaceNode(arguments, arguments.AddArguments(NamedSeed(seed)));
    }
}
