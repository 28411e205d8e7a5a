namespace Repro.Build.Analyzers;

/// <summary>
/// Whether random draws only choose what is shown: "display 100 random training images" draws indices, reads the
/// items at them and hands them to a method that displays, plots, prints or draws them, and to nothing else. No result
/// of the run depends on such draws (REPRO001, REPRO009). The value is followed through LINQ operators, locals, foreach
/// loops, element reads and arrays filled with what was read.
/// </summary>
internal static class DisplayOnlyUse
{
    private const int MaxDepth = 6;

    private static readonly ImmutableHashSet<string> PassThrough = ImmutableHashSet.Create(
        "Take", "Skip", "ToList", "ToArray", "Select", "Where", "Distinct", "AsEnumerable", "Cast", "OrderBy");

    private static readonly string[] PresentationVerbs = { "Display", "Show", "Plot", "Print", "Draw", "Render", "Visualize", "Visualise" };

    /// <summary>True when every value the draw produces ends in a display method and nowhere else.</summary>
    public static bool Check(IOperation value, WellKnownTypes types, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        var current = value;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    current = parent;
                    continue;
                case IInvocationOperation call when call.Instance == current:
                    if (!PassThrough.Contains(call.TargetMethod.Name))
                    {
                        return false;
                    }

                    current = call;
                    continue;
                case IArgumentOperation { Parent: IInvocationOperation call }:
                    if (IsPresentation(call.TargetMethod, types))
                    {
                        return true;
                    }

                    // A LINQ operator or a read (X.Row(i), list.ElementAt(i)): follow its result; a call made for its
                    // side effects (Train(item)) is a use.
                    if (call.Parent is IExpressionStatementOperation || call.Type is null || call.Type.SpecialType == SpecialType.System_Void)
                    {
                        return false;
                    }

                    current = call;
                    continue;
                case IArrayElementReferenceOperation element when element.Indices.Contains(current):
                    current = element;
                    continue;
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Arguments.Any(a => a.Value == current):
                    current = indexer;
                    continue;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return LocalOnlyDisplayed(declarator.Symbol, declarator, types, depth);
                case IForEachLoopOperation loop when loop.Collection.WithoutConversions() == current.WithoutConversions():
                    return loop.Locals.Length > 0 && loop.Locals.All(local => LocalOnlyDisplayed(local, loop, types, depth));
                case ISimpleAssignmentOperation assignment when assignment.Value == current
                    && assignment.Target is IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array }:
                    return LocalOnlyDisplayed(array.Local, array, types, depth);
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool LocalOnlyDisplayed(ILocalSymbol local, IOperation within, WellKnownTypes types, int depth)
    {
        var any = false;
        foreach (var reference in OperationHelpers.ReferencesTo(local, within))
        {
            // Writes into the array (sel[i] = …) are how it is filled, not uses of its contents.
            if (reference.Parent is IArrayElementReferenceOperation { Parent: ISimpleAssignmentOperation assignment } element
                && assignment.Target == element && element.ArrayReference == reference)
            {
                continue;
            }

            any = true;
            if (!Check(reference, types, depth + 1))
            {
                return false;
            }
        }

        return any;
    }

    private static bool IsPresentation(IMethodSymbol method, WellKnownTypes types) =>
        WellKnownTypes.IsOneOf(method.ContainingType, types.Output)
        || PresentationVerbs.Any(verb => method.Name.StartsWith(verb, System.StringComparison.Ordinal));
}
