using Microsoft.CodeAnalysis.CSharp;

namespace Repro.Build.Analyzers;

/// <summary>
/// A cheap first pass for rules whose operations are rare: a member (operation block) whose text names none of the
/// rule's identifiers gets no per-operation callbacks at all. Scanning a member's tokens once costs far less than a
/// callback for each of its invocations and property references.
/// </summary>
internal static class TokenFilter
{
    public static bool Mentions(ImmutableArray<IOperation> operationBlocks, ImmutableHashSet<string> identifiers) =>
        operationBlocks.Any(block => block.Syntax.DescendantTokens().Any(token => token.IsKind(SyntaxKind.IdentifierToken)
            && identifiers.Contains(token.ValueText)));
}
