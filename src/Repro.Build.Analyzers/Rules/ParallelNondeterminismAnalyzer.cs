using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO008: PLINQ results depend on how the work was split between threads: an unordered query yields its elements
/// in whatever order the threads finish, and floating-point Sum, Average and Aggregate add in a different order (and so
/// round differently) on every run.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParallelNondeterminismAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.ParallelNondeterminism,
        title: "Parallel queries must not decide order or floating-point results",
        messageFormat: "{0}",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "AsParallel() without AsOrdered() returns elements in thread-completion order, and parallel Sum/Average/Aggregate over float or double round differently depending on the partitioning. Add AsOrdered() where order matters, and reduce floating-point values sequentially (or in a fixed order).",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ParallelNondeterminism));

    // Operators whose result depends on the order of the elements.
    private static readonly ImmutableHashSet<string> OrderSensitive = ImmutableHashSet.Create(
        "ToArray", "ToList", "First", "FirstOrDefault", "Last", "LastOrDefault", "Take", "Skip", "TakeWhile", "SkipWhile",
        "ElementAt", "ElementAtOrDefault", "Zip", "SequenceEqual", "Aggregate");

    private static readonly ImmutableHashSet<string> FloatReductions = ImmutableHashSet.Create("Sum", "Average", "Aggregate");

    /// <summary>Marks the diagnostics the code fix can mend (a missing AsOrdered(), not a float reduction).</summary>
    internal const string KindProperty = "Kind";

    private static readonly ImmutableDictionary<string, string?> OrderProperties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, "order");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            var parallel = compilationContext.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
            if (parallel is not null)
            {
                compilationContext.RegisterOperationAction(
                    operationContext => AnalyzeParallelLoop((IInvocationOperation)operationContext.Operation, parallel, operationContext),
                    OperationKind.Invocation);
            }

            var parallelEnumerable = compilationContext.Compilation.GetTypeByMetadataName("System.Linq.ParallelEnumerable");
            if (parallelEnumerable is null)
            {
                return;
            }

            compilationContext.RegisterOperationAction(
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
                        operationContext.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(),
                            $"Parallel '{method.Name}' over floating-point values adds in a different order on every run, so the result's last bits change; compute it sequentially (or over an AsOrdered() result materialized first)"));
                        return;
                    }

                    if (OrderSensitive.Contains(method.Name) && !IsOrdered(invocation))
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), OrderProperties,
                            $"'{method.Name}' on a parallel query without AsOrdered() sees the elements in thread-completion order, which differs on every run; add .AsOrdered() after .AsParallel()"));
                    }
                },
                OperationKind.Invocation);
        });
    }

    /// <summary>Parallel.For/ForEach bodies that accumulate into a float or double declared outside the body.</summary>
    private static void AnalyzeParallelLoop(IInvocationOperation invocation, INamedTypeSymbol parallel, OperationAnalysisContext context)
    {
        if (invocation.TargetMethod.Name is not ("For" or "ForEach" or "ForEachAsync")
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, parallel))
        {
            return;
        }

        foreach (var lambda in invocation.Arguments.SelectMany(a => a.Value.DescendantsAndSelf()).OfType<IAnonymousFunctionOperation>())
        {
            foreach (var add in lambda.Body.DescendantsAndSelf().OfType<IInvocationOperation>())
            {
                if (add.TargetMethod.Name == "Add"
                    && add.Instance is ILocalReferenceOperation bag
                    && bag.Local.Type is INamedTypeSymbol { Name: "ConcurrentBag" } bagType
                    && bagType.ContainingNamespace?.ToDisplayString() == "System.Collections.Concurrent"
                    && OrderOfLocalIsConsumed(bag))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, add.Syntax.GetLocation(),
                        $"'Parallel.{invocation.TargetMethod.Name}' fills the ConcurrentBag '{bag.Local.Name}', whose order depends on which thread added what, and its order is used afterwards; store results by index (an array) or sort the bag's contents"));
                }
            }

            foreach (var assignment in lambda.Body.DescendantsAndSelf().OfType<ICompoundAssignmentOperation>())
            {
                var target = assignment.Target switch
                {
                    ILocalReferenceOperation local when !SymbolEqualityComparer.Default.Equals(local.Local.ContainingSymbol, lambda.Symbol) => (ISymbol)local.Local,
                    IFieldReferenceOperation field => field.Field,
                    _ => null,
                };
                if (target is not null && assignment.Target.Type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double
                    && assignment.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(),
                        $"'Parallel.{invocation.TargetMethod.Name}' accumulates into the floating-point '{target.Name}' from several threads: besides the race, the order of the additions (and so the rounding) differs on every run; compute partial results per index and reduce them in order"));
                }
            }
        }
    }

    /// <summary>True when the local is enumerated in order (foreach, ToArray, ToList, First, Take…) and not sorted first.</summary>
    private static bool OrderOfLocalIsConsumed(ILocalReferenceOperation local)
    {
        if (local.SemanticModel is not { } model)
        {
            return false;
        }

        var consumed = false;
        foreach (var reference in OperationHelpers.ReferencesTo(local.Local, model))
        {
            var use = reference.Parent is IConversionOperation conversion ? conversion.Parent : reference.Parent;
            switch (use)
            {
                case IForEachLoopOperation:
                    consumed = true;
                    break;
                case IArgumentOperation { Parent: IInvocationOperation call } when call.TargetMethod.Name.StartsWith("OrderBy", System.StringComparison.Ordinal) || call.TargetMethod.Name == "Order":
                    return false;
                case IArgumentOperation { Parent: IInvocationOperation call } when OrderSensitive.Contains(call.TargetMethod.Name):
                    consumed = true;
                    break;
                case IInvocationOperation call when call.Instance == reference && OrderSensitive.Contains(call.TargetMethod.Name):
                    consumed = true;
                    break;
            }
        }

        return consumed;
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
        IOperation? current = invocation.Arguments.FirstOrDefault()?.Value ?? invocation.Instance;
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
