using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers;

/// <summary>
/// Whether anything draws from a newly created generator (REPRO001): a generator that is stored but never drawn from,
/// drawn from only in a branch a constant condition rules out or only to choose what is displayed, or handed only to
/// methods that ignore it, changes no result.
/// </summary>
internal static class GeneratorUse
{
    public static bool NeverDrawnFrom(IObjectCreationOperation creation)
    {
        if (creation.SemanticModel is not { } model)
        {
            return false;
        }

        IOperation current = creation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        ISymbol? holder = current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            IFieldInitializerOperation { InitializedFields.Length: 1 } field => field.InitializedFields[0],
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } assignment when assignment.Value == current => field.Field,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current => local.Local,
            _ => null,
        };
        if (holder is null || References(holder, model) is not { } references)
        {
            return false; // used in place (new Random().Next()) or where we cannot see
        }

        foreach (var reference in references)
        {
            IOperation use = reference;
            while (use.Parent is IConversionOperation or IParenthesizedOperation)
            {
                use = use.Parent;
            }

            if (use.Parent is ISimpleAssignmentOperation assignment && assignment.Target == use || InDeadBranch(use, model))
            {
                continue;
            }

            if (use.Parent is IArgumentOperation { Parameter: { } parameter } && IgnoredBy(parameter))
            {
                continue;
            }

            // Drawn from only to choose what is displayed.
            if (use.Parent is IInvocationOperation draw && draw.Instance == use && DisplayOnlyUse.Check(draw))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    private static System.Collections.Generic.IEnumerable<IOperation>? References(ISymbol holder, SemanticModel model)
    {
        if (holder is ILocalSymbol local)
        {
            return OperationHelpers.ReferencesTo(local, model).ToArray();
        }

        // A field: its type must be declared once, in this file, for the search to be complete.
        if (holder.ContainingType is not { DeclaringSyntaxReferences.Length: 1 } type || type.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        return type.DeclaringSyntaxReferences[0].GetSyntax().DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(identifier => identifier.Identifier.Text == holder.Name)
            .Select(identifier => model.GetOperation(identifier))
            .OfType<IFieldReferenceOperation>()
            .Where(field => SymbolEqualityComparer.Default.Equals(field.Field, holder))
            .ToArray();
    }

    /// <summary>A parameter of a method in source whose body never mentions it.</summary>
    private static bool IgnoredBy(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method || method.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var body = reference.GetSyntax() switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                _ => null,
            };
            if (body is null || body.DescendantNodes().OfType<IdentifierNameSyntax>().Any(identifier => identifier.Identifier.Text == parameter.Name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Inside the branch of a conditional (?: or if) whose condition is a constant that rules the branch out.</summary>
    private static bool InDeadBranch(IOperation operation, SemanticModel model)
    {
        for (var current = operation; current.Parent is { } parent; current = parent)
        {
            if (parent is IConditionalOperation conditional && current != conditional.Condition && Evaluate(conditional.Condition, model) is { } value)
            {
                var taken = value ? conditional.WhenTrue : conditional.WhenFalse;
                if (taken != current)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A bool constant, a local initialized with one and never assigned again, or its negation.</summary>
    private static bool? Evaluate(IOperation condition, SemanticModel model)
    {
        condition = condition.WithoutConversions();
        if (condition.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant;
        }

        if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            return !Evaluate(not.Operand, model);
        }

        if (condition is ILocalReferenceOperation local
            && local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
            && literal.Token.Value is bool initial
            && !OperationHelpers.ReferencesTo(local.Local, model).Any(r => r.Parent is IAssignmentOperation assignment && assignment.Target == r))
        {
            return initial;
        }

        return null;
    }
}
