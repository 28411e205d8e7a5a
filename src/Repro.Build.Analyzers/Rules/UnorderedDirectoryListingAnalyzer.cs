using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO007: the file system lists a folder in whatever order it stores it (NTFS sorts, ext4 hashes, network and
/// container file systems vary), so a listing consumed in that order — training files read in sequence, a split taken
/// from the first N — changes between machines. Quiet when the listing is sorted or only used as a set.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnorderedDirectoryListingAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnorderedDirectoryListing,
        title: "Sort directory listings before using their order",
        messageFormat: "'{0}' lists entries in the file system's order, which differs between machines and file systems; sort it ordinally before its order is used (Array.Sort(files, StringComparer.Ordinal))",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Directory.GetFiles, EnumerateFiles and their relatives return entries in an order the file system chooses. Reading training files, or taking a split, in that order makes results depend on the machine. Sort with StringComparer.Ordinal first; using the listing as a set (Count, Any, Contains, ToHashSet) is fine. Returning an unsorted listing from a method lets its order escape to every caller, so it counts as a use of the order.",
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

    // Uses that consume the order.
    private static readonly ImmutableHashSet<string> OrderConsuming = ImmutableHashSet.Create(
        "ToList", "ToArray", "First", "FirstOrDefault", "Last", "LastOrDefault", "Take", "Skip", "ElementAt", "ElementAtOrDefault",
        "Zip", "Aggregate", "Join", "Concat", "SelectMany");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            var types = new[] { "System.IO.Directory", "System.IO.DirectoryInfo" }
                .Select(compilationContext.Compilation.GetTypeByMetadataName)
                .Where(t => t is not null)
                .ToImmutableArray();
            compilationContext.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    if (ListingMethods.Contains(method.Name)
                        && types.Contains(method.ContainingType, SymbolEqualityComparer.Default)
                        && ConsumesOrder(invocation, depth: 0))
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name));
                    }
                },
                OperationKind.Invocation);
        });
    }

    private static bool ConsumesOrder(IOperation listing, int depth)
    {
        var current = listing;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    current = parent;
                    continue;
                case IForEachLoopOperation loop when loop.Collection == current || loop.Collection.WithoutConversions() == current:
                    return true;
                case IArrayElementReferenceOperation:
                    return true; // files[0]
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

                    if (OrderPreserving.Contains(name))
                    {
                        current = call;
                        continue;
                    }

                    return OrderConsuming.Contains(name); // other methods: unknown, stay quiet
                case IArgumentOperation { Parent: IObjectCreationOperation creation }:
                    // new List<string>(files) keeps the order (follow the list); new HashSet<string>(files) has none.
                    if (creation.Type?.Name is "List" or "Queue" or "Stack")
                    {
                        current = creation;
                        continue;
                    }

                    return false;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when depth == 0:
                    return LocalConsumesOrder(declarator);
                default:
                    return false;
            }
        }

        return false;
    }

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

    private static bool LocalConsumesOrder(IVariableDeclaratorOperation declarator)
    {
        if (declarator.SemanticModel is not { } model)
        {
            return false;
        }

        var consumed = false;
        foreach (var reference in OperationHelpers.ReferencesTo(declarator.Symbol, model))
        {
            // Sorted in place anywhere (Array.Sort(files), list.Sort()): the author took care of the order.
            if (reference.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Sort" } }
                || reference.Parent is IInvocationOperation { TargetMethod.Name: "Sort" } sortCall && sortCall.Instance == reference)
            {
                return false;
            }

            consumed |= ConsumesOrder(reference, depth: 1)
                || reference.Parent is IInvocationOperation { Instance: not null } instanceCall && instanceCall.Instance == reference && OrderConsuming.Contains(instanceCall.TargetMethod.Name);
        }

        return consumed;
    }
}
