namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO008: PLINQ results depend on how the work was split between threads: an unordered query yields its elements
/// in whatever order the threads finish, and floating-point Sum, Average and Aggregate add in a different order (and so
/// round differently) on every run.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParallelNondeterminismAnalyzer : ReproAnalyzer
{
    private const string Title = "Parallel queries must not decide order or floating-point results";
    private const string Description =
        "AsParallel() without AsOrdered() returns elements in thread-completion order, and parallel Sum/Average/Aggregate over float or double round "
        + "differently depending on the partitioning. Add AsOrdered() where order matters, and reduce floating-point values sequentially "
        + "(or in a fixed order).";

    /// <summary>An order-sensitive operator on an unordered parallel query: {0} is the operator.</summary>
    internal static readonly DiagnosticDescriptor OrderRule = new(
        RuleIdentifiers.ParallelNondeterminism,
        Title,
        messageFormat:
            "'{0}' on a parallel query without AsOrdered() sees the elements in thread-completion order, which differs on every run; add .AsOrdered() after "
            + ".AsParallel()",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ParallelNondeterminism));

    /// <summary>A parallel floating-point reduction: {0} is the operator.</summary>
    internal static readonly DiagnosticDescriptor ReductionRule = new(
        RuleIdentifiers.ParallelNondeterminism,
        Title,
        messageFormat:
            "Parallel '{0}' over floating-point values adds in a different order on every run, so the result's last bits change; compute it sequentially (or "
            + "over an AsOrdered() result materialized first)",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ParallelNondeterminism));

    /// <summary>A parallel loop accumulating into a float or double: {0} is the loop, {1} the variable.</summary>
    internal static readonly DiagnosticDescriptor AccumulatorRule = new(
        RuleIdentifiers.ParallelNondeterminism,
        Title,
        messageFormat:
            "'Parallel.{0}' accumulates into the floating-point '{1}' from several threads: besides the race, the order of the additions (and so the rounding) "
            + "differs on every run; compute partial results per index and reduce them in order",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ParallelNondeterminism));

    /// <summary>
    /// Parallel work (a parallel loop, PLINQ's ForAll, Task.Run) filling a concurrent collection whose order is then
    /// used: {0} is the parallel call, {1} the collection type, {2} the variable, {3} how its order is used.
    /// </summary>
    internal static readonly DiagnosticDescriptor ConcurrentCollectionRule = new(
        RuleIdentifiers.ParallelNondeterminism,
        Title,
        messageFormat:
            "'{0}' fills the {1} '{2}', whose order depends on which thread added what, and then {3}; store results by index (an array) or sort the contents "
            + "first",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ParallelNondeterminism));

    // Operators whose result depends on the order of the elements.
    private static readonly ImmutableHashSet<string> OrderSensitive = ImmutableHashSet.Create(
        "ToArray", "ToList", "First", "FirstOrDefault", "Last", "LastOrDefault", "Take", "Skip", "TakeWhile", "SkipWhile",
        "ElementAt", "ElementAtOrDefault", "Zip", "SequenceEqual", "Aggregate");

    private static readonly ImmutableHashSet<string> FloatReductions = ImmutableHashSet.Create("Sum", "Average", "Aggregate");

    // LINQ operators that keep their source's order: a bag's order flows through them to what materializes the result.
    private static readonly ImmutableHashSet<string> OrderPreserving = ImmutableHashSet.Create(
        "Select", "Where", "Cast", "OfType", "SelectMany", "Distinct", "AsEnumerable", "Append", "Prepend");

    // Calls that take a sequence and keep or write its order.
    private static readonly ImmutableHashSet<string> OrderedSinks = ImmutableHashSet.Create(
        "AddRange", "Join", "Concat", "WriteAllLines", "WriteAllLinesAsync", "AppendAllLines", "AppendAllLinesAsync");

    /// <summary>Marks the diagnostics the code fix can mend (a missing AsOrdered(), not a float reduction).</summary>
    internal const string KindProperty = "Kind";

    private static readonly ImmutableDictionary<string, string?> OrderProperties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, "order");

    private static readonly ImmutableDictionary<string, string?> ReductionProperties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty,
        "reduction");

    private static readonly ImmutableHashSet<string> Identifiers = ImmutableHashSet.Create(
        "AsParallel", "Parallel", "ParallelQuery", "OrderedParallelQuery", "ParallelEnumerable", "AsOrdered", "AsUnordered", "ForAll", "Run", "StartNew");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(OrderRule, ReductionRule, AccumulatorRule,
        ConcurrentCollectionRule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext compilationContext, WellKnownTypes types)
    {
        var parallel = types.Parallel;
        var parallelEnumerable = types.ParallelEnumerable;
        compilationContext.RegisterOperationBlockStartAction(blockContext =>
        {
            if (!TokenFilter.Mentions(blockContext.OperationBlocks, Identifiers))
            {
                return; // no parallel loop or query in this member
            }

            blockContext.RegisterOperationAction(
                operationContext => AnalyzeParallelWork((IInvocationOperation)operationContext.Operation, parallel, types, operationContext),
                OperationKind.Invocation);

            if (parallelEnumerable is null)
            {
                return;
            }

            blockContext.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, parallelEnumerable))
                    {
                        return;
                    }

                    if (FloatReductions.Contains(method.Name) && IsFloatingPoint(method))
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(ReductionRule, invocation.Syntax.GetLocation(), ReductionProperties, method.Name));
                        return;
                    }

                    if (OrderSensitive.Contains(method.Name) && !IsOrdered(invocation))
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(OrderRule, invocation.Syntax.GetLocation(), OrderProperties, method.Name));
                    }
                },
                OperationKind.Invocation);
        });
    }

    /// <summary>
    /// Parallel.For/ForEach bodies that accumulate into a float or double declared outside the body; and parallel work
    /// (those loops, PLINQ's ForAll, Task.Run and Task.Factory.StartNew) that fills a concurrent collection whose order
    /// is used afterwards.
    /// </summary>
    private static void AnalyzeParallelWork(IInvocationOperation invocation, INamedTypeSymbol? parallel, WellKnownTypes types, OperationAnalysisContext context)
    {
        var method = invocation.TargetMethod;
        var isLoop = method.Name is "For" or "ForEach" or "ForEachAsync" && parallel is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType,
            parallel);
        var name = isLoop ? "Parallel." + method.Name : ParallelWorkName(invocation, types);
        if (name is null)
        {
            return;
        }

        // A method group (Parallel.ForEach(files, Load)) runs the method's body on every thread, as a lambda's would.
        foreach (var body in invocation.Arguments.SelectMany(a =>
            a.Value.DescendantsAndSelf()).OfType<IDelegateCreationOperation>().Select(MethodGroupBody).OfType<IOperation>())
        {
            ReportConcurrentAdds(body);
        }

        foreach (var lambda in invocation.Arguments.SelectMany(a => a.Value.DescendantsAndSelf()).OfType<IAnonymousFunctionOperation>())
        {
            ReportConcurrentAdds(lambda.Body);
            if (!isLoop)
            {
                continue;
            }

            foreach (var assignment in lambda.Body.DescendantsAndSelf().OfType<ICompoundAssignmentOperation>())
            {
                var target = assignment.Target switch
                {
                    ILocalReferenceOperation local when !SymbolEqualityComparer.Default.Equals(local.Local.ContainingSymbol, lambda.Symbol)
                        => (ISymbol)local.Local,
                    IFieldReferenceOperation field => field.Field,
                    _ => null,
                };
                if (target is not null && assignment.Target.Type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double
                    && assignment.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply)
                {
                    context.ReportDiagnostic(Diagnostic.Create(AccumulatorRule, assignment.Syntax.GetLocation(), invocation.TargetMethod.Name, target.Name));
                }
            }
        }

        void ReportConcurrentAdds(IOperation body)
        {
            foreach (var add in body.DescendantsAndSelf().OfType<IInvocationOperation>())
            {
                if (add.TargetMethod.Name is "Add" or "TryAdd" or "Enqueue" or "Push"
                    && add.Instance?.WithoutConversions() is { } collection
                    && Holder(collection) is { } holder
                    && WellKnownTypes.IsOneOf(collection.Type, types.ConcurrentCollections)
                    && OrderOfHolderIsConsumed(holder, collection, types) is { } use)
                {
                    context.ReportDiagnostic(Diagnostic.Create(ConcurrentCollectionRule, add.Syntax.GetLocation(),
                        name, collection.Type!.Name, holder.Name, use));
                }
            }
        }
    }

    /// <summary>The body of the method or local function in this file that a method group names, or null.</summary>
    private static IOperation? MethodGroupBody(IDelegateCreationOperation creation)
    {
        if (creation.Target is not IMethodReferenceOperation { Method: var method })
        {
            return null;
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return creation.Root().Descendants().OfType<ILocalFunctionOperation>()
                .FirstOrDefault(local => SymbolEqualityComparer.Default.Equals(local.Symbol, method.OriginalDefinition))?.Body;
        }

        return creation.SemanticModel is { } model
            && method.DeclaringSyntaxReferences.FirstOrDefault(r => r.SyntaxTree == model.SyntaxTree)?.GetSyntax() is
                Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax declaration
            && ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is { } body
            ? model.GetOperation(body)
            : null;
    }

    /// <summary>
    /// PLINQ's ForAll; Task.Run and Task.Factory.StartNew started once per item (in a loop or a lambda such as
    /// <c>files.Select(f => Task.Run(…))</c>), so that their lambdas run on several threads at once. One task started
    /// once fills the collection from one thread, in order.
    /// </summary>
    private static string? ParallelWorkName(IInvocationOperation invocation, WellKnownTypes types)
    {
        var method = invocation.TargetMethod;
        var owner = method.ContainingType;
        if (method.Name == "ForAll" && types.ParallelEnumerable is { } plinq && SymbolEqualityComparer.Default.Equals(owner, plinq))
        {
            return "ForAll";
        }

        if (method.Name is not ("Run" or "StartNew") || !WellKnownTypes.IsOneOf(owner, types.TaskStarters))
        {
            return null;
        }

        for (var current = invocation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation or IAnonymousFunctionOperation)
            {
                return (method.Name == "Run" ? "Task." : "Task.Factory.") + method.Name;
            }
        }

        return null;
    }

    /// <summary>The local or field that holds the collection.</summary>
    private static ISymbol? Holder(IOperation collection) => collection switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };

    /// <summary>
    /// How the collection's order is used afterwards (enumerated, materialized, reduced in floating point, returned), or
    /// null when it is only counted, sorted or used as a set.
    /// </summary>
    private static string? OrderOfHolderIsConsumed(ISymbol holder, IOperation sample, WellKnownTypes types)
    {
        string? consumed = null;
        foreach (var reference in References(holder, sample))
        {
            var use = reference;
            while (true)
            {
                while (use.Parent is IConversionOperation or IParenthesizedOperation)
                {
                    use = use.Parent;
                }

                // bag.Select(r => r.Loss).ToList(): the bag's order reaches whatever the order-keeping operators feed.
                if (use.Parent is IArgumentOperation { Parent: IInvocationOperation source } sourceArgument
                    && OrderPreserving.Contains(source.TargetMethod.Name) && source.TargetMethod.IsExtensionMethod
                    && source.Arguments.FirstOrDefault() == sourceArgument)
                {
                    use = source;
                    continue;
                }

                break;
            }

            switch (use.Parent)
            {
                case IArgumentOperation { Parent: IInvocationOperation call } when call.TargetMethod.Name.StartsWith("OrderBy", System.StringComparison.Ordinal)
                    || call.TargetMethod.Name is "Order" or "OrderDescending":
                    return null;
                case IForEachLoopOperation:
                    consumed ??= "it is enumerated";
                    break;
                case IReturnOperation:
                    consumed ??= "it is returned";
                    break;
                case IArgumentOperation { Parent: IInvocationOperation call } when IsFloatReduction(call.TargetMethod):
                    consumed ??= $"it is reduced with '{call.TargetMethod.Name}' in floating point";
                    break;
                case IArgumentOperation { Parent: IInvocationOperation call } when OrderSensitive.Contains(call.TargetMethod.Name)
                    || OrderedSinks.Contains(call.TargetMethod.Name):
                    consumed ??= $"it is passed to '{call.TargetMethod.Name}'";
                    break;
                case IArgumentOperation { Parent: IObjectCreationOperation creation } when WellKnownTypes.IsOneOf(creation.Type, types.OrderedCollections)
                    || creation.Type is IArrayTypeSymbol:
                    consumed ??= $"it is copied into a {creation.Type?.Name}";
                    break;
                case IInvocationOperation call when call.Instance == use && (OrderSensitive.Contains(call.TargetMethod.Name)
                    || call.TargetMethod.Name is "GetConsumingEnumerable" or "CopyTo"):
                    consumed ??= $"'{call.TargetMethod.Name}' is called on it";
                    break;
            }
        }

        return consumed;
    }

    private static bool IsFloatReduction(IMethodSymbol method) => FloatReductions.Contains(method.Name) && IsFloatingPoint(method);

    /// <summary>References to a local in its member, or to a field in its type's declaration in this file.</summary>
    private static System.Collections.Generic.IEnumerable<IOperation> References(ISymbol holder, IOperation sample)
    {
        if (holder is ILocalSymbol local)
        {
            return OperationHelpers.ReferencesTo(local, sample);
        }

        var model = sample.SemanticModel;
        var scope = holder.ContainingType?.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).FirstOrDefault(s => s.SyntaxTree == model?.SyntaxTree);
        return scope is not null && model is not null && holder is IFieldSymbol field
            ? OperationHelpers.FieldReferences(field, scope, model)
            : Enumerable.Empty<IOperation>();
    }

    private static bool IsFloatingPoint(IMethodSymbol method)
    {
        var type = method.ReturnType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : method.ReturnType;
        return type.SpecialType is SpecialType.System_Single or SpecialType.System_Double;
    }

    /// <summary>Walks the query back to AsParallel(): ordered when AsOrdered() comes after it (and no AsUnordered()).</summary>
    private static bool IsOrdered(IInvocationOperation invocation)
    {
        var current = invocation.Arguments.FirstOrDefault()?.Value ?? invocation.Instance;
        while (current is not null)
        {
            current = current.WithoutConversions();
            if (current is not IInvocationOperation call)
            {
                return true; // not a query we can see: stay quiet
            }

            switch (call.TargetMethod.Name)
            {
                case "AsOrdered":
                    return true;
                case "AsUnordered":
                case "AsParallel":
                    return false;
                case "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending":
                    return true; // ordering operators make the query ordered
            }

            current = call.Arguments.FirstOrDefault()?.Value ?? call.Instance;
        }

        return true;
    }
}
