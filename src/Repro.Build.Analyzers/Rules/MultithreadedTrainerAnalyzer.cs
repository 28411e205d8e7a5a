namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO014: the ML.NET trainers whose model was measured to change with threads (bench/trainer_threads.py, the table in
/// docs/rules/REPRO014.md). SDCA, SGD and KMeans update their model from several threads without locks unless
/// <c>NumberOfThreads</c> is 1, so two runs with the same seed give different models; the L-BFGS trainers sum their
/// gradient in one block per thread, and the number of threads defaults to the core count, so the model depends on the
/// machine (any fixed NumberOfThreads gives the same model everywhere). FastTree, FastForest, GAM and LightGBM gave the
/// same model with 1, 2 and 4 cores and are not reported. Single-threaded training is slower, so this is a suggestion,
/// not a warning.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MultithreadedTrainerAnalyzer : ReproAnalyzer
{
    private const string Title = "Train multi-threaded ML.NET trainers on one thread for reproducible models";
    private const string Description =
        "SDCA, SGD and KMeans trainers use several threads unless NumberOfThreads is 1, and their lock-free updates make the model differ from run to run; the "
        + "L-BFGS trainers use one thread per core unless NumberOfThreads is set, and their gradient sums (and so the model) differ between machines with "
        + "different core counts. One thread is slower; choose it where the model must be reproducible.";

    /// <summary>Why a racing trainer's (SDCA, SGD, KMeans) model changes: the {1} (or {2}) of the messages.</summary>
    internal const string RacingReason = "its lock-free parallel updates depend on thread timing, so the model differs between runs even in a seeded MLContext";

    /// <summary>Why an L-BFGS trainer's model changes.</summary>
    internal const string CoreCountReason =
        "it sums its gradient in one block per thread, one thread per core by default, so the model differs between machines with different core counts";

    /// <summary>A trainer created without options: {0} is the trainer, {1} the reason.</summary>
    internal static readonly DiagnosticDescriptor DefaultThreadsRule = new(
        RuleIdentifiers.MultithreadedTrainer,
        Title,
        messageFormat: "'{0}' uses several threads by default, and {1}; set NumberOfThreads = 1 where exact reproducibility matters",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.MultithreadedTrainer));

    /// <summary>Options that leave NumberOfThreads unset: {0} is the trainer, {1} the reason.</summary>
    internal static readonly DiagnosticDescriptor UnsetThreadsRule = new(
        RuleIdentifiers.MultithreadedTrainer,
        Title,
        messageFormat:
            "'{0}' uses several threads unless its options set NumberOfThreads, and {1}; set NumberOfThreads = 1 where exact reproducibility matters",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.MultithreadedTrainer));

    /// <summary>Options that set NumberOfThreads to more than one (SDCA, SGD, KMeans only): {0} is the trainer, {1} the value, {2} the reason.</summary>
    internal static readonly DiagnosticDescriptor ThreadsSetRule = new(
        RuleIdentifiers.MultithreadedTrainer,
        Title,
        messageFormat: "'{0}' is set to NumberOfThreads = {1}, and {2}; set NumberOfThreads = 1 where exact reproducibility matters",
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
        var racing = types.RacingTrainers;
        var coreCount = types.CoreCountTrainers;
        if (racing.IsEmpty && coreCount.IsEmpty)
        {
            return; // ML.NET is not referenced
        }

        compilationContext.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (!method.IsExtensionMethod)
                {
                    return;
                }

                var trainer = method.ReturnType as INamedTypeSymbol;
                var races = DerivesFromAny(trainer, racing);
                if (!races && !DerivesFromAny(trainer, coreCount))
                {
                    return;
                }

                var reason = races ? RacingReason : CoreCountReason;
                var options = invocation.Arguments.FirstOrDefault(a => HasNumberOfThreads(a.Parameter?.Type));
                if (options is null)
                {
                    Report(operationContext, invocation, DefaultThreadsRule, UseOptions, null, method.Name, reason);
                    return;
                }

                var value = options.Value.WithoutConversions();
                var creation = value as IObjectCreationOperation;
                IOperation? assigned = null;
                if (value is ILocalReferenceOperation local)
                {
                    creation = OperationHelpers.InitialValue(local.Local, local)?.WithoutConversions() as IObjectCreationOperation;
                    assigned = OperationHelpers.ReferencesTo(local.Local, local)
                        .Select(r => r.Parent is IFieldReferenceOperation { Field.Name: "NumberOfThreads" } field
                            && field.Parent is ISimpleAssignmentOperation assignment && assignment.Target == field ? assignment.Value : null)
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
                    Report(operationContext, invocation, UnsetThreadsRule, AddOption, creation, method.Name, reason);
                }
                else if (races && assigned.WithoutConversions().ConstantValue is { HasValue: true } constant && !Equals(constant.Value, 1))
                {
                    // A fixed count other than 1 was measured to give L-BFGS the same model on every machine: only the racing trainers are reported.
                    Report(operationContext, invocation, ThreadsSetRule, SetOption, creation, method.Name, constant.Value ?? "null", reason);
                }
            },
            OperationKind.Invocation);
    }

    private static void Report(OperationAnalysisContext context, IInvocationOperation invocation, DiagnosticDescriptor descriptor, string fix,
        IObjectCreationOperation? options, params object[] arguments)
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

    private static bool DerivesFromAny(INamedTypeSymbol? type, ImmutableArray<INamedTypeSymbol> trainers)
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
