namespace Repro.Build.Analyzers;

/// <summary>
/// Tells sampling with <c>RandomNumberGenerator.GetInt32</c>, <c>GetBytes</c> and <c>Fill</c> (REPRO002) from their
/// security uses: a sample picks an element (an index, <c>Skip</c>), decides by chance (against a threshold, compared
/// with a constant, a switch), orders a shuffle (an <c>OrderBy</c> key), or turns random bytes into numbers
/// (<c>BitConverter.ToInt32</c>, <c>BinaryPrimitives.Read…</c>); a key, token or salt is encoded, formatted, stored or
/// returned. A value returned by a private helper or a local function is followed to its callers. Seeds are REPRO003's concern and are not reported here.
/// </summary>
internal static class CryptoSampling
{
    // How far a value is followed through locals and helper methods that return it.
    private const int MaxDepth = 2;

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
                    ? LocalUse(buffer.Local, buffer, depth: 0, (reference, depth) => BytesUse(reference, types, depth))
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
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                    && (binary.LeftOperand == current ? binary.RightOperand : binary.LeftOperand).ConstantValue.HasValue:
                    return "in a chance decision (compared with a constant)"; // GetInt32(2) == 0: a coin flip
                case ISwitchOperation or ISwitchExpressionOperation:
                    return "to choose a branch";
                case IReturnOperation when SortKeyOf(parent) is { } sort:
                    return $"as a sort key ('{sort}')"; // OrderBy(_ => GetInt32(…)): a shuffle
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract
                    or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder:
                    current = parent;
                    continue;
                case IArrayElementReferenceOperation element when element.Indices.Contains(current):
                    return "as an index";
                case IArgumentOperation { Parent: IPropertyReferenceOperation { Property.IsIndexer: true } }:
                    return "as an index";
                case IArgumentOperation { Parent: IInvocationOperation call } when call.TargetMethod.Name is "ElementAt" or "ElementAtOrDefault" or "RemoveAt"
                    or "Insert" or "Swap" or "Skip" or "GetRange":
                    return $"as an index ('{call.TargetMethod.Name}')";
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when depth < MaxDepth:
                    return LocalUse(declarator.Symbol, declarator, depth, NumberUse);
                case ISimpleAssignmentOperation assignment when assignment.Value == current && assignment.Target is ILocalReferenceOperation target
                    && depth < MaxDepth:
                    return LocalUse(target.Local, target, depth, NumberUse);
                case IReturnOperation returned when depth < MaxDepth:
                    return CallerUse(returned, depth); // a helper such as NextIndex(n) => GetInt32(n): how its callers use it
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
                && (call.TargetMethod.Name.StartsWith("To", System.StringComparison.Ordinal) || call.TargetMethod.Name.StartsWith("Read",
                    System.StringComparison.Ordinal))
                && call.TargetMethod.Name != "ToString":
                return IsSeed(call) ? null : $"as a number ('{call.TargetMethod.ContainingType.Name}.{call.TargetMethod.Name}')";
            case IArrayElementReferenceOperation element when element.ArrayReference == current:
                return NumberUse(element, depth: 1);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when depth == 0:
                return LocalUse(declarator.Symbol, declarator, depth, (reference, depth) => BytesUse(reference, types, depth));
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

    private static string? LocalUse(ILocalSymbol local, IOperation within, int depth, System.Func<IOperation, int, string?> use) =>
        OperationHelpers.ReferencesTo(local, within).Select(reference => use(reference, depth + 1)).FirstOrDefault(u => u is not null);

    /// <summary>
    /// How the calls of the method that returns <paramref name="returned"/> use its value, for a method called only
    /// within its own type's declaration in this file (a private helper): there every caller is seen.
    /// </summary>
    private static string? CallerUse(IReturnOperation returned, int depth)
    {
        // A local function's callers are all in the member that declares it.
        switch (EnclosingFunction(returned))
        {
            case IAnonymousFunctionOperation:
                return null;
            case ILocalFunctionOperation local:
                return returned.Root().Descendants().OfType<IInvocationOperation>()
                    .Where(call => SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, local.Symbol))
                    .Select(call => NumberUse(call, depth + 1))
                    .FirstOrDefault(use => use is not null);
        }

        if (returned.SemanticModel is not { } model
            || model.GetEnclosingSymbol(returned.Syntax.SpanStart)
                is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private } method
            || method.ContainingType is not { DeclaringSyntaxReferences.Length: 1 } type
            || type.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        return type.DeclaringSyntaxReferences[0].GetSyntax().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>()
            .Where(call => call.Expression.ToString().EndsWith(method.Name, System.StringComparison.Ordinal))
            .Select(call => model.GetOperation(call))
            .OfType<IInvocationOperation>()
            .Where(call => SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method))
            .Select(call => NumberUse(call, depth + 1))
            .FirstOrDefault(use => use is not null);
    }

    /// <summary>The ordering operator a lambda's result is the key of (<c>OrderBy(_ => …)</c>), or null.</summary>
    private static string? SortKeyOf(IOperation returned)
    {
        var current = returned.Parent;
        while (current is IBlockOperation)
        {
            current = current.Parent;
        }

        if (current is IAnonymousFunctionOperation lambda
            && lambda.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation call } }
            && call.TargetMethod.Name is "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending")
        {
            return call.TargetMethod.Name;
        }

        return null;
    }

    /// <summary>The lambda or local function the operation is in, or null when it is in the member's own body.</summary>
    private static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }
}
