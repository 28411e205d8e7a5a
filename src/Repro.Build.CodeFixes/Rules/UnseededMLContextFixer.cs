namespace Repro.Build.CodeFixes.Rules;

/// <summary>Fixes REPRO004: <c>new MLContext()</c> becomes <c>new MLContext(seed: 42)</c> (or the project's ReproSeed).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededMLContextFixer))]
[Shared]
public sealed class UnseededMLContextFixer : SeedArgumentFixer
{
    public UnseededMLContextFixer()
        : base(RuleIdentifiers.UnseededMLContext, "Seed the context with {0}")
    {
    }

    private protected override SyntaxNode? Target(SyntaxNode reported) => EnclosingCreation(reported);

    private protected override void InsertSeed(DocumentEditor editor, SyntaxNode target, LiteralExpressionSyntax seed)
    {
        var creation = (BaseObjectCreationExpressionSyntax)target;
        var arguments = creation.ArgumentList ?? SyntaxFactory.ArgumentList();

        // Replace an explicit 'seed: null' (named, or the first positional argument); otherwise add 'seed: N'.
        var existing = arguments.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.Text == "seed")
            ?? (arguments.Arguments.FirstOrDefault() is { NameColon: null } first && first.Expression.IsKind(SyntaxKind.NullLiteralExpression) ? first : null);
        var newArguments = existing is not null
            ? arguments.ReplaceNode(existing, existing.WithExpression(seed))
            : arguments.AddArguments(NamedSeed(seed));
        editor.ReplaceNode(creation, creation.WithArgumentList(newArguments));
    }
}
