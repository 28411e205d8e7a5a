namespace Repro.Build.CodeFixes.Rules;

/// <summary>Fixes REPRO001 by passing a seed: <c>new Random()</c> becomes <c>new Random(42)</c> (or the project's ReproSeed).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededRandomFixer))]
[Shared]
public sealed class UnseededRandomFixer : SeedArgumentFixer
{
    public UnseededRandomFixer()
        : base(RuleIdentifiers.UnseededRandom, "Seed the generator with {0}")
    {
    }

    private protected override SyntaxNode? Target(SyntaxNode reported) => EnclosingCreation(reported);

    private protected override void InsertSeed(DocumentEditor editor, SyntaxNode target, LiteralExpressionSyntax seed)
    {
        var creation = (BaseObjectCreationExpressionSyntax)target;
        var seedArgument = SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(seed));

        // A comment inside the empty parentheses ("new Random(/* no seed yet */)") is about the missing seed: it goes.
        var arguments = creation.ArgumentList is { } existing
            ? existing.WithArguments(seedArgument)
                .WithOpenParenToken(existing.OpenParenToken.WithTrailingTrivia())
                .WithCloseParenToken(existing.CloseParenToken.WithLeadingTrivia())
            : SyntaxFactory.ArgumentList(seedArgument);
        editor.ReplaceNode(creation, creation.WithArgumentList(arguments));
    }
}
