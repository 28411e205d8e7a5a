using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Repro.Build.Analyzers;

/// <summary>Small symbol and operation queries several rules share. They walk operation trees, not syntax.</summary>
internal static class OperationHelpers
{
    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool InheritsFrom(this INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The operand beneath any implicit or explicit conversions.</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The operation's outermost ancestor: the body (or initializer) of the member it is in, lambdas and local functions included.</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>
    /// Every reference to <paramref name="local"/> (reads and writes, not its declaration) in the member
    /// <paramref name="within"/> belongs to, which is the member that declares the local (all the top-level statements
    /// for theirs), in source order.
    /// </summary>
    public static IEnumerable<ILocalReferenceOperation> ReferencesTo(ILocalSymbol local, IOperation within) =>
        within.Root().Descendants()
            .OfType<ILocalReferenceOperation>()
            .Where(reference => !reference.IsDeclaration && !reference.IsImplicit && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            .OrderBy(reference => reference.Syntax.SpanStart);

    /// <summary>The value <paramref name="local"/> is declared with (<c>var x = value;</c>), or null.</summary>
    public static IOperation? InitialValue(ILocalSymbol local, IOperation within) =>
        within.Root().Descendants()
            .OfType<IVariableDeclaratorOperation>()
            .FirstOrDefault(declarator => SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            ?.Initializer?.Value;

    /// <summary>True when a reference to <paramref name="local"/> in its member assigns it (=, +=, ??=…).</summary>
    public static bool IsReassigned(ILocalSymbol local, IOperation within) =>
        ReferencesTo(local, within).Any(reference => reference.Parent is IAssignmentOperation assignment && assignment.Target == reference);

    /// <summary>
    /// Every reference to <paramref name="field"/> in the members of <paramref name="typeDeclaration"/> (a declaration of
    /// its type, in <paramref name="model"/>'s tree) and of the types nested in it, in source order: the operation tree of
    /// each member body and initializer that names the field, walked once.
    /// </summary>
    public static IEnumerable<IFieldReferenceOperation> FieldReferences(IFieldSymbol field, SyntaxNode typeDeclaration, SemanticModel model) =>
        typeDeclaration.DescendantNodes()
            .Where(node => IsOperationBlock(node) && node.DescendantTokens().Any(token => token.IsKind(SyntaxKind.IdentifierToken)
                && token.ValueText == field.Name))
            .Select(block => model.GetOperation(block))
            .SelectMany(block => block?.DescendantsAndSelf() ?? Enumerable.Empty<IOperation>())
            .OfType<IFieldReferenceOperation>()
            .Where(reference => SymbolEqualityComparer.Default.Equals(reference.Field, field))
            .OrderBy(reference => reference.Syntax.SpanStart);

    /// <summary>A member body or initializer: the syntax an operation block (one operation tree) starts from.</summary>
    private static bool IsOperationBlock(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => true,
        ArrowExpressionClauseSyntax arrow => arrow.Parent is BasePropertyDeclarationSyntax,
        EqualsValueClauseSyntax initializer =>
            initializer.Parent is PropertyDeclarationSyntax or VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax },
        _ => false,
    };
}
