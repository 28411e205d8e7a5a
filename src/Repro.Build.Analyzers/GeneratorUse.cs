using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Repro.Build.Analyzers;

/// <summary>
/// Whether anything draws from a newly created generator (REPRO001): a generator that is stored but never drawn from,
/// drawn from only in a branch a constant condition rules out or only to choose what is displayed, or handed only to
/// methods that ignore it, changes no result.
/// </summary>
internal static class GeneratorUse
{
    public static bool NeverDrawnFrom(IObjectCreationOperation creation, WellKnownTypes types)
    {
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
        if (holder is null || References(holder, creation) is not { } references)
        {
            return false; // used in place (new Random().Next()) or where we cannot see
        }

        foreach (var reference in references)
        {
            var use = reference;
            while (use.Parent is IConversionOperation or IParenthesizedOperation)
            {
                use = use.Parent;
            }

            if (use.Parent is ISimpleAssignmentOperation assignment && assignment.Target == use || InDeadBranch(use))
            {
                continue;
            }

            if (use.Parent is IArgumentOperation { Parameter: { } parameter } && IgnoredBy(parameter))
            {
                continue;
            }

            // Drawn from only to choose what is displayed.
            if (use.Parent is IInvocationOperation draw && draw.Instance == use && DisplayOnlyUse.Check(draw, types))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    private static IOperation[]? References(ISymbol holder, IOperation creation)
    {
        if (holder is ILocalSymbol local)
        {
            return OperationHelpers.ReferencesTo(local, creation).ToArray();
        }

        // A field: its type must be declared once, in this file, for the search to be complete.
        if (holder is not IFieldSymbol field
            || creation.SemanticModel is not { } model
            || field.ContainingType is not { DeclaringSyntaxReferences.Length: 1 } type
            || type.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        return OperationHelpers.FieldReferences(field, type.DeclaringSyntaxReferences[0].GetSyntax(), model).ToArray();
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
    private static bool InDeadBranch(IOperation operation)
    {
        for (var current = operation; current.Parent is { } parent; current = parent)
        {
            if (parent is IConditionalOperation conditional && current != conditional.Condition && Evaluate(conditional.Condition) is { } value)
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

    /// <summary>A bool constant, a local initialized with a literal one and never assigned again, or its negation.</summary>
    private static bool? Evaluate(IOperation condition)
    {
        condition = condition.WithoutConversions();
        if (condition.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant;
        }

        if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            return !Evaluate(not.Operand);
        }

        if (condition is ILocalReferenceOperation local
            && OperationHelpers.InitialValue(local.Local, local)?.WithoutConversions()
                is ILiteralOperation { ConstantValue: { HasValue: true, Value: bool initial } }
            && !OperationHelpers.IsReassigned(local.Local, local))
        {
            return initial;
        }

        return null;
    }
}
