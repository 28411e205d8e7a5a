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

    private static readonly ImmutableDictionary<string, string?> ReductionProperties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, "reduction");

    private static readonly ImmutableHashSet<string> Identifiers = ImmutableHashSet.Create(
        "AsParallel", "Parallel", "ParallelQuery", "OrderedParallelQuery", "ParallelEnumerable", "AsOrdered", "AsUnordered");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            var parallel = compilationContext.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
            var parallelEnumerable = compilationContext.Compilation.GetTypeByMetadataName("System.Linq.ParallelEnumerable");
            compilationContext.RegisterOperationBlockStartAction(blockContext =>
            {
                if (!TokenFilter.Mentions(blockContext.OperationBlocks, Identifiers))
                {
                    return; // no parallel loop or query in this member
                }

                if (parallel is not null)
                {
                    blockContext.RegisterOperationAction(
                        operationContext => AnalyzeParallelLoop((IInvocationOperation)operationContext.Operation, parallel, operationContext),
                        OperationKind.Invocation);
                }

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
                            operationContext.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), ReductionProperties,
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
                if (add.TargetMethod.Name is "Add" or "TryAdd" or "Enqueue" or "Push"
                    && add.Instance?.WithoutConversions() is { } collection
                    && Holder(collection) is { } holder
                    && IsConcurrentCollection(collection.Type)
                    && OrderOfHolderIsConsumed(holder, collection) is { } use)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, add.Syntax.GetLocation(),
                        $"'Parallel.{invocation.TargetMethod.Name}' fills the {collection.Type!.Name} '{holder.Name}', whose order depends on which thread added what, and then {use}; store results by index (an array) or sort the contents first"));
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

    /// <summary>ConcurrentBag, ConcurrentQueue, ConcurrentStack or BlockingCollection: filled in thread order.</summary>
    private static bool IsConcurrentCollection(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "ConcurrentBag" or "ConcurrentQueue" or "ConcurrentStack" or "BlockingCollection" } named
        && named.ContainingNamespace?.ToDisplayString() == "System.Collections.Concurrent";

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
    private static string? OrderOfHolderIsConsumed(ISymbol holder, IOperation sample)
    {
        if (sample.SemanticModel is not { } model)
        {
            return null;
        }

        string? consumed = null;
        foreach (var reference in References(holder, model))
        {
            IOperation use = reference;
            while (use.Parent is IConversionOperation or IParenthesizedOperation)
            {
                use = use.Parent;
            }

            switch (use.Parent)
            {
                case IArgumentOperation { Parent: IInvocationOperation call } when call.TargetMethod.Name.StartsWith("OrderBy", System.StringComparison.Ordinal) || call.TargetMethod.Name is "Order" or "OrderDescending":
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
                case IArgumentOperation { Parent: IInvocationOperation call } when OrderSensitive.Contains(call.TargetMethod.Name) || call.TargetMethod.Name is "AddRange" or "Join" or "Concat":
                    consumed ??= $"it is passed to '{call.TargetMethod.Name}'";
                    break;
                case IArgumentOperation { Parent: IObjectCreationOperation creation } when creation.Type?.Name is "List" or "Queue" or "Stack" || creation.Type is IArrayTypeSymbol:
                    consumed ??= $"it is copied into a {creation.Type?.Name}";
                    break;
                case IInvocationOperation call when call.Instance == use && (OrderSensitive.Contains(call.TargetMethod.Name) || call.TargetMethod.Name is "GetConsumingEnumerable" or "CopyTo"):
                    consumed ??= $"'{call.TargetMethod.Name}' is called on it";
                    break;
            }
        }

        return consumed;
    }

    private static bool IsFloatReduction(IMethodSymbol method) => FloatReductions.Contains(method.Name) && IsFloatingPoint(method);

    /// <summary>References to a local in its member, or to a field in its type's declaration in this file.</summary>
    private static System.Collections.Generic.IEnumerable<IOperation> References(ISymbol holder, SemanticModel model)
    {
        if (holder is ILocalSymbol local)
        {
            return OperationHelpers.ReferencesTo(local, model);
        }

        var scope = holder.ContainingType?.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).FirstOrDefault(s => s.SyntaxTree == model.SyntaxTree);
        if (scope is null)
        {
            return Enumerable.Empty<IOperation>();
        }

        return scope.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax>()
            .Where(identifier => identifier.Identifier.Text == holder.Name)
            .Select(identifier => model.GetOperation(identifier))
            .OfType<IFieldReferenceOperation>()
            .Where(field => SymbolEqualityComparer.Default.Equals(field.Field, holder));
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
