using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers;

/// <summary>Small symbol and operation queries several rules share.</summary>
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

    /// <summary>
    /// Every reference to <paramref name="local"/> in the member that declares it (the whole file for top-level
    /// statements, whose locals span statements).
    /// </summary>
    public static IEnumerable<ILocalReferenceOperation> ReferencesTo(ILocalSymbol local, SemanticModel model)
    {
        var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        var member = declaration?.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault();
        SyntaxNode? scope = member is GlobalStatementSyntax ? member.SyntaxTree.GetRoot() : member;
        if (scope is null)
        {
            yield break;
        }

        foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.Text == local.Name
                && model.GetOperation(identifier) is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                yield return reference;
            }
        }
    }
}
