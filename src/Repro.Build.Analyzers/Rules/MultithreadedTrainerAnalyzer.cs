using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO014: ML.NET's SDCA, SGD and KMeans trainers update their model from several threads without locks unless
/// <c>NumberOfThreads</c> is 1 (their documentation: "Determinism is not guaranteed"), so two runs with the same seed
/// give different models. Single-threaded training is slower, so this is a suggestion, not a warning.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MultithreadedTrainerAnalyzer : ReproAnalyzer
{
    private const string Title = "Train multi-threaded ML.NET trainers on one thread for reproducible models";
    private const string Description = "SDCA, SGD and KMeans trainers use several threads unless NumberOfThreads is 1, and ML.NET documents that their determinism is then not guaranteed. One thread is slower; choose it where the model must be reproducible.";

    /// <summary>A trainer created without options: {0} is the trainer.</summary>
    internal static readonly DiagnosticDescriptor DefaultThreadsRule = new(
        RuleIdentifiers.MultithreadedTrainer,
        Title,
        messageFormat: "'{0}' uses several threads by default, and its lock-free parallel updates depend on thread timing, so the model differs between runs even in a seeded MLContext; set NumberOfThreads = 1 where exact reproducibility matters",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.MultithreadedTrainer));

    /// <summary>Options that leave NumberOfThreads unset: {0} is the trainer.</summary>
    internal static readonly DiagnosticDescriptor UnsetThreadsRule = new(
        RuleIdentifiers.MultithreadedTrainer,
        Title,
        messageFormat: "'{0}' uses several threads unless its options set NumberOfThreads, and its lock-free parallel updates depend on thread timing, so the model differs between runs even in a seeded MLContext; set NumberOfThreads = 1 where exact reproducibility matters",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.MultithreadedTrainer));

    /// <summary>Options that set NumberOfThreads to more than one: {0} is the trainer, {1} the value.</summary>
    internal static readonly DiagnosticDescriptor ThreadsSetRule = new(
        RuleIdentifiers.MultithreadedTrainer,
        Title,
        messageFormat: "'{0}' is set to NumberOfThreads = {1}, and its lock-free parallel updates depend on thread timing, so the model differs between runs even in a seeded MLContext; set NumberOfThreads = 1 where exact reproducibility matters",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.MultithreadedTrainer));

    /// <summary>How the fixer mends a finding: add <c>NumberOfThreads = 1</c> to an options initializer, or switch to the options overload.</summary>
    internal const string FixProperty = "Fix";
    internal const string AddOption = "add-option";
    internal const string SetOption = "set-option";
    internal const string UseOptions = "use-options";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DefaultThreadsRule, UnsetThreadsRule, ThreadsSetRule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext compilationContext, WellKnownTypes types)
    {
        var trainers = types.MultithreadedTrainers;
        if (trainers.IsEmpty)
        {
            return; // ML.NET is not referenced
        }

        compilationContext.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (!method.IsExtensionMethod || !IsMultithreadedTrainer(method.ReturnType as INamedTypeSymbol, trainers))
                {
                    return;
                }

                var options = invocation.Arguments.FirstOrDefault(a => HasNumberOfThreads(a.Parameter?.Type));
                if (options is null)
                {
                    Report(operationContext, invocation, DefaultThreadsRule, UseOptions, null, method.Name);
                    return;
                }

                var value = options.Value.WithoutConversions();
                IObjectCreationOperation? creation = value as IObjectCreationOperation;
                IOperation? assigned = null;
                if (value is ILocalReferenceOperation local)
                {
                    creation = OperationHelpers.InitialValue(local.Local, local)?.WithoutConversions() as IObjectCreationOperation;
                    assigned = OperationHelpers.ReferencesTo(local.Local, local)
                        .Select(r => r.Parent is IFieldReferenceOperation { Field.Name: "NumberOfThreads" } field && field.Parent is ISimpleAssignmentOperation assignment && assignment.Target == field ? assignment.Value : null)
                        .LastOrDefault(v => v is not null);
                    if (creation is null && assigned is null)
                    {
                        return; // built somewhere we cannot see
                    }
                }
                else if (creation is null)
                {
                    return; // a parameter or field: configured elsewhere
                }

                assigned ??= creation?.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                    .Where(a => a.Target is IMemberReferenceOperation { Member.Name: "NumberOfThreads" })
                    .Select(a => a.Value)
                    .LastOrDefault();
                if (assigned is null)
                {
                    Report(operationContext, invocation, UnsetThreadsRule, AddOption, creation, method.Name);
                }
                else if (assigned.WithoutConversions().ConstantValue is { HasValue: true } constant && !Equals(constant.Value, 1))
                {
                    Report(operationContext, invocation, ThreadsSetRule, SetOption, creation, method.Name, constant.Value ?? "null");
                }
            },
            OperationKind.Invocation);
    }

    private static void Report(OperationAnalysisContext context, IInvocationOperation invocation, DiagnosticDescriptor descriptor, string fix, IObjectCreationOperation? options, params object[] arguments)
    {
        // The options creation (when the fix edits it) travels as the additional location.
        var additional = options is not null && fix != UseOptions ? new[] { options.Syntax.GetLocation() } : System.Array.Empty<Location>();
        context.ReportDiagnostic(Diagnostic.Create(descriptor, invocation.Syntax.GetLocation(), additional,
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, additional.Length > 0 || fix == UseOptions ? fix : null),
            arguments));
    }

    /// <summary>True for an options type (NumberOfThreads is declared on the trainers' options base classes).</summary>
    internal static bool HasNumberOfThreads(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers("NumberOfThreads").Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMultithreadedTrainer(INamedTypeSymbol? type, ImmutableArray<INamedTypeSymbol> trainers)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (trainers.Contains(current.OriginalDefinition, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        return false;
    }
}
