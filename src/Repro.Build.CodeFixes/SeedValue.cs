using System.Globalization;

namespace Repro.Build.CodeFixes;

/// <summary>The seed a fix inserts: the project's <c>ReproSeed</c> when it sets one, otherwise a literal for the user to review.</summary>
internal static class SeedValue
{
    public const int Default = 42;

    /// <summary>The seed as a C# integer literal.</summary>
    public static LiteralExpressionSyntax Literal(int seed) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(seed));

    public static int For(Document document, SyntaxTree tree)
    {
        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return options.TryGetValue("build_property.ReproSeed", out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
                ? seed
                : Default;
    }
}
