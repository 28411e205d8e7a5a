using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers;

/// <summary>
/// Tells sampling with <c>RandomNumberGenerator.GetInt32</c>, <c>GetBytes</c> and <c>Fill</c> (REPRO002) from their
/// security uses: a sample picks an element (an index), decides against a threshold (a comparison), or turns random
/// bytes into numbers (<c>BitConverter.ToInt32</c>, <c>BinaryPrimitives.Read…</c>); a key, token or salt is encoded,
/// formatted, stored or returned. Seeds are REPRO003's concern and are not reported here.
/// </summary>
internal static class CryptoSampling
{
    /// <summary>How the generator's output is used as a sample, or null.</summary>
    public static string? Use(IInvocationOperation invocation, WellKnownTypes types)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "GetInt32":
                return NumberUse(invocation, depth: 0);
            case "GetBytes" or "GetNonZeroBytes" or "Fill":
                // The bytes come back (GetBytes(count)) or land in the buffer argument (GetBytes(buffer), Fill(span)).
                if (!method.ReturnsVoid)
                {
                    return BytesUse(invocation, types, depth: 0);
                }

                return invocation.Arguments.FirstOrDefault()?.Value.WithoutConversions() is ILocalReferenceOperation buffer
                    ? LocalUse(buffer.Local, buffer, (reference, depth) => BytesUse(reference, types, depth))
                    : null;
            default:
                return null;
        }
    }

    private static string? NumberUse(IOperation value, int depth)
    {
        var current = value;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    current = parent;
                    continue;
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                    or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual:
                    return "against a threshold";
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract
                    or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder:
                    current = parent;
                    continue;
                case IArrayElementReferenceOperation element when element.Indices.Contains(current):
                    return "as an index";
                case IArgumentOperation { Parent: IPropertyReferenceOperation { Property.IsIndexer: true } }:
                    return "as an index";
                case IArgumentOperation { Parent: IInvocationOperation call } when call.TargetMethod.Name is "ElementAt" or "ElementAtOrDefault" or "RemoveAt" or "Insert" or "Swap":
                    return $"as an index ('{call.TargetMethod.Name}')";
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when depth == 0:
                    return LocalUse(declarator.Symbol, declarator, NumberUse);
                case ISimpleAssignmentOperation assignment when assignment.Value == current && assignment.Target is ILocalReferenceOperation target && depth == 0:
                    return LocalUse(target.Local, target, NumberUse);
                default:
                    return null;
            }
        }

        return null;
    }

    private static string? BytesUse(IOperation bytes, WellKnownTypes types, int depth)
    {
        var current = bytes;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation call } when WellKnownTypes.IsOneOf(call.TargetMethod.ContainingType, types.ByteReaders)
                && (call.TargetMethod.Name.StartsWith("To", System.StringComparison.Ordinal) || call.TargetMethod.Name.StartsWith("Read", System.StringComparison.Ordinal))
                && call.TargetMethod.Name != "ToString":
                return IsSeed(call) ? null : $"as a number ('{call.TargetMethod.ContainingType.Name}.{call.TargetMethod.Name}')";
            case IArrayElementReferenceOperation element when element.ArrayReference == current:
                return NumberUse(element, depth: 1);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when depth == 0:
                return LocalUse(declarator.Symbol, declarator, (reference, depth) => BytesUse(reference, types, depth));
            default:
                return null;
        }
    }

    /// <summary>A number that seeds a generator: REPRO003 reports it.</summary>
    private static bool IsSeed(IOperation value)
    {
        for (var current = value; current.Parent is { } parent; current = parent)
        {
            if (parent is IArgumentOperation { Parent: IObjectCreationOperation })
            {
                return true;
            }

            if (parent is not (IConversionOperation or IParenthesizedOperation or IBinaryOperation or IUnaryOperation))
            {
                return false;
            }
        }

        return false;
    }

    private static string? LocalUse(ILocalSymbol local, IOperation within, System.Func<IOperation, int, string?> use) =>
        OperationHelpers.ReferencesTo(local, within).Select(reference => use(reference, 1)).FirstOrDefault(u => u is not null);
}
