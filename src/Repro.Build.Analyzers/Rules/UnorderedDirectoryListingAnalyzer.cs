namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO007: the file system lists a folder in whatever order it stores it (NTFS sorts, ext4 hashes, network and
/// container file systems vary), so a listing consumed in that order — training files read in sequence, a split taken
/// from the first N — changes between machines. Quiet when the listing is sorted or only used as a set.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnorderedDirectoryListingAnalyzer : ReproAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnorderedDirectoryListing,
        title: "Sort directory listings before using their order",
        messageFormat:
            "'{0}' lists entries in the file system's order, which differs between machines and file systems; sort it ordinally before its order is used "
            + "(Array.Sort(files, StringComparer.Ordinal))",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "Directory.GetFiles, EnumerateFiles and their relatives return entries in an order the file system chooses. Reading training files, or taking a "
            + "split, in that order makes results depend on the machine. Sort with StringComparer.Ordinal first; using the listing as a set (Count, Any, "
            + "Contains, ToHashSet) is fine. Returning an unsorted listing from a method lets its order escape to every caller, so it counts as a use of the "
            + "order.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnorderedDirectoryListing));

    private static readonly ImmutableHashSet<string> ListingMethods = ImmutableHashSet.Create(
        "GetFiles", "EnumerateFiles", "GetDirectories", "EnumerateDirectories", "GetFileSystemEntries", "EnumerateFileSystemEntries",
        "GetFileSystemInfos", "EnumerateFileSystemInfos");

    // Uses that do not depend on the order.
    private static readonly ImmutableHashSet<string> OrderFree = ImmutableHashSet.Create(
        "Count", "LongCount", "Any", "All", "Contains", "ToHashSet", "Min", "Max", "Sum",
        "OrderBy", "OrderByDescending", "Order", "OrderDescending", "Sort");

    // Operators that keep the order of their source: the listing's order flows through them.
    private static readonly ImmutableHashSet<string> OrderPreserving = ImmutableHashSet.Create("Select", "Where", "Cast", "OfType", "Distinct");

    // Materializing keeps the order too: followed to where the list or array goes (sorted there, or used).
    private static readonly ImmutableHashSet<string> Materializing = ImmutableHashSet.Create("ToList", "ToArray", "AsEnumerable");

    // Uses that consume the order (File.WriteAllLines writes the entries in the order they come).
    private static readonly ImmutableHashSet<string> OrderConsuming = ImmutableHashSet.Create(
        "First", "FirstOrDefault", "Last", "LastOrDefault", "Take", "Skip", "ElementAt", "ElementAtOrDefault",
        "Zip", "Aggregate", "Join", "Concat", "SelectMany", "WriteAllLines", "WriteAllLinesAsync", "AppendAllLines", "AppendAllLinesAsync");

    // Methods of a list made from a listing that read it by position.
    private static readonly ImmutableHashSet<string> PositionalListMethods = ImmutableHashSet.Create("GetRange", "ForEach", "CopyTo", "IndexOf");

    // Calls in a loop body that record the items in the order they come.
    private static readonly ImmutableHashSet<string> OrderedSinks = ImmutableHashSet.Create(
        "Add", "AddRange", "Insert", "Enqueue", "Push", "Append", "AppendLine", "AppendFormat", "Write", "WriteLine",
        "WriteAsync", "WriteLineAsync", "Concat", "Yield");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        if (types.DirectoryTypes.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (ListingMethods.Contains(method.Name)
                    && types.DirectoryTypes.Contains(method.ContainingType, SymbolEqualityComparer.Default)
                    && ConsumesOrder(invocation, types, depth: 0))
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name));
                }
            },
            OperationKind.Invocation);
    }

    private static bool ConsumesOrder(IOperation listing, WellKnownTypes types, int depth)
    {
        var current = listing;
        var materialized = false;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    current = parent;
                    continue;
                case IForEachLoopOperation loop when loop.Collection == current || loop.Collection.WithoutConversions() == current:
                    return BodyUsesOrder(loop, types);
                case IArrayElementReferenceOperation:
                    return true; // files[0]
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Instance == current:
                    return true; // files.ToList()[0]: a list's indexer reads by position as an array's does
                case IInvocationOperation call when call.Instance == current && PositionalListMethods.Contains(call.TargetMethod.Name):
                    return true; // list.GetRange(0, 10)
                case IReturnOperation returned:
                    // Returned from a method, the order escapes to every caller; a lambda's result is followed no further.
                    return !IsInLambda(returned);
                case IPropertyReferenceOperation { Property.Name: "Length" or "Count" }:
                    return false;
                case IArgumentOperation { Parent: IInvocationOperation call }:
                    var name = call.TargetMethod.Name;
                    if (OrderFree.Contains(name))
                    {
                        return false;
                    }

                    if (OrderPreserving.Contains(name) || Materializing.Contains(name))
                    {
                        materialized |= Materializing.Contains(name);
                        current = call;
                        continue;
                    }

                    // Other methods: a listing handed on as it is may be sorted there; one that was made into a list or
                    // array first is data in a fixed order.
                    return OrderConsuming.Contains(name) || materialized;
                case IArgumentOperation { Parent: IObjectCreationOperation creation }:
                    // new List<string>(files) keeps the order (follow the list); new HashSet<string>(files) has none.
                    if (WellKnownTypes.IsOneOf(creation.Type, types.OrderedCollections))
                    {
                        materialized = true;
                        current = creation;
                        continue;
                    }

                    return materialized && !WellKnownTypes.IsOneOf(creation.Type, types.UnorderedCollections);
                case ISimpleAssignmentOperation assignment when assignment.Value == current
                    && assignment.Target is IFieldReferenceOperation or IPropertyReferenceOperation:
                    return true; // stored in a field: the order reaches the type's other members (a dataset's GetTensor)
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when depth == 0:
                    return LocalConsumesOrder(declarator, types);
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a foreach body depends on the order of the items: it records them in order (Add, Write…), stops
    /// early (break, return), carries state from one item to the next (assignments to outer variables other than
    /// integer counts), or hands them to the program's own or an ML library's methods for their side effects (Train(file)).
    /// Looking each item up by name and counting are order-free.
    /// </summary>
    private static bool BodyUsesOrder(IForEachLoopOperation loop, WellKnownTypes types)
    {
        foreach (var operation in loop.Body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation call when OrderedSinks.Contains(call.TargetMethod.Name)
                    && !WellKnownTypes.IsOneOf(call.TargetMethod.ContainingType, types.Output):
                    return true;
                case IInvocationOperation call when call.Parent is IExpressionStatementOperation
                    && (call.TargetMethod.Locations.Any(l => l.IsInSource) || types.IsMachineLearningApi(call.TargetMethod)):
                    return true;
                case IBranchOperation { BranchKind: BranchKind.Break }:
                case IReturnOperation:
                    return true;
                case ICompoundAssignmentOperation compound when DeclaredOutside(compound.Target, loop) && !IsIntegral(compound.Target.Type):
                case IIncrementOrDecrementOperation increment when DeclaredOutside(increment.Target, loop) && !IsIntegral(increment.Target.Type):
                    return true;
                case ISimpleAssignmentOperation assignment when DeclaredOutside(assignment.Target, loop)
                    && assignment.Target is ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false }:
                    return true;
                case ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation element } when element.Indices.Any(i => i.DescendantsAndSelf().Any(d
                    => d is IIncrementOrDecrementOperation || DeclaredOutside(d, loop))):
                    return true;
            }
        }

        return false;
    }

    private static bool IsIntegral(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
            or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_UInt16 or SpecialType.System_SByte;

    /// <summary>A local declared before the loop, or a field or property: state that outlives one iteration.</summary>
    private static bool DeclaredOutside(IOperation target, IForEachLoopOperation loop) => target switch
    {
        ILocalReferenceOperation local => !loop.Body.Syntax.Span.Contains(local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.Span ?? default)
            && !loop.Locals.Contains(local.Local, SymbolEqualityComparer.Default),
        IFieldReferenceOperation or IPropertyReferenceOperation => true,
        _ => false,
    };

    private static bool IsInLambda(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool LocalConsumesOrder(IVariableDeclaratorOperation declarator, WellKnownTypes types)
    {
        var consumed = false;
        foreach (var reference in OperationHelpers.ReferencesTo(declarator.Symbol, declarator))
        {
            // Sorted in place anywhere (Array.Sort(files), list.Sort()): the author took care of the order.
            if (reference.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Sort" } }
                || reference.Parent is IInvocationOperation { TargetMethod.Name: "Sort" } sortCall && sortCall.Instance == reference)
            {
                return false;
            }

            consumed |= ConsumesOrder(reference, types, depth: 1)
                || reference.Parent is IInvocationOperation { Instance: not null } instanceCall && instanceCall.Instance == reference
                    && OrderConsuming.Contains(instanceCall.TargetMethod.Name);
        }

        return consumed;
    }
}
