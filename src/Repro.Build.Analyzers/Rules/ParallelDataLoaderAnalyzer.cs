using System.Collections.Concurrent;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO013: a TorchSharp DataLoader with more than one worker calls the dataset's <c>GetTensor</c> on several threads
/// for every batch. When the dataset draws random numbers there (augmentation, noise), the draws interleave by thread
/// timing, so which sample gets which draw differs on every run even with <c>torch.manual_seed</c>. Reported when the
/// dataset's own code, or the transforms it is created with, draw random numbers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParallelDataLoaderAnalyzer : ReproAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.ParallelDataLoaderAugmentation,
        title: "Do not run random augmentation on several DataLoader workers",
        messageFormat:
            "This DataLoader runs '{0}' on several worker threads, and it draws random numbers ('{1}'), so which sample gets which draw depends on thread "
            + "timing and differs on every run; use num_worker: 1, or draw each sample's augmentation from a generator seeded with the sample's index",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "DataLoader(…, num_worker: N) fetches the items of a batch in parallel. Random augmentation inside the dataset then draws from the shared "
            + "generator in thread order, which changes from run to run, even when the program calls torch.manual_seed.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ParallelDataLoaderAugmentation),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext compilationContext, WellKnownTypes types)
    {
        var apis = types.TorchSharp;
        if (apis is null)
        {
            return;
        }

        var systemRandom = types.Random;

        // Per compilation: the first random draw found in each source type, and the parallel loaders.
        var randomTypes = new ConcurrentDictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        var loaders = new ConcurrentBag<(Location Location, INamedTypeSymbol? Dataset, string? RandomArgument)>();

        compilationContext.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (RandomDraw(invocation, apis, systemRandom) is { } draw && operationContext.ContainingSymbol.ContainingType is { } owner)
                {
                    randomTypes.TryAdd(owner, draw);
                }

                if (apis.IsDataLoader(method) && IsParallel(invocation.Arguments))
                {
                    AddLoader(invocation, invocation.Arguments);
                }
            },
            OperationKind.Invocation);

        compilationContext.RegisterOperationAction(
            operationContext =>
            {
                var creation = (IObjectCreationOperation)operationContext.Operation;
                if (creation.Constructor is { } constructor && apis.IsDataLoader(constructor) && IsParallel(creation.Arguments))
                {
                    AddLoader(creation, creation.Arguments);
                }
            },
            OperationKind.ObjectCreation);

        compilationContext.RegisterCompilationEndAction(endContext =>
        {
            foreach (var (location, dataset, randomArgument) in loaders.OrderBy(l => l.Location.SourceTree?.FilePath,
                System.StringComparer.Ordinal).ThenBy(l => l.Location.SourceSpan.Start))
            {
                var draw = randomArgument ?? DrawIn(dataset, randomTypes);
                if (draw is not null)
                {
                    endContext.ReportDiagnostic(Diagnostic.Create(Rule, location, dataset is null ? "the dataset" : dataset.Name + ".GetTensor", draw));
                }
            }
        });

        void AddLoader(IOperation call, ImmutableArray<IArgumentOperation> arguments)
        {
            var dataset = arguments.FirstOrDefault(a => a.Parameter?.Name == "dataset")?.Value.WithoutConversions();
            var creation = dataset is ILocalReferenceOperation local ? OperationHelpers.InitialValue(local.Local, local)?.WithoutConversions() : dataset;
            if (AugmentationSwitchedOff(creation))
            {
                return;
            }

            var datasetType = (creation?.Type ?? dataset?.Type) as INamedTypeSymbol;
            var randomArgument = creation is IObjectCreationOperation or IInvocationOperation
                ? creation.DescendantsAndSelf().OfType<IInvocationOperation>().Select(i => RandomDraw(i, apis, systemRandom)).FirstOrDefault(d => d is not null)
                : null;
            loaders.Add((call.Syntax.GetLocation(), datasetType, randomArgument));
        }
    }

    /// <summary>
    /// The dataset is created with its augmentation switched off: <c>false</c> for a bool parameter named for it
    /// (<c>augment</c>, <c>useTransform</c>, <c>train</c>, <c>random…</c>), as evaluation datasets are.
    /// </summary>
    private static bool AugmentationSwitchedOff(IOperation? creation)
    {
        var arguments = creation switch
        {
            IObjectCreationOperation objectCreation => objectCreation.Arguments,
            IInvocationOperation invocation => invocation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        return arguments.Any(a => a.Parameter is { Type.SpecialType: SpecialType.System_Boolean } parameter
            && a.Value.ConstantValue is { HasValue: true, Value: false }
            && new[] { "augment", "transform", "train", "random" }.Any(word => parameter.Name.IndexOf(word, System.StringComparison.OrdinalIgnoreCase) >= 0));
    }

    /// <summary>num_worker given and not a constant of 1 or less.</summary>
    private static bool IsParallel(ImmutableArray<IArgumentOperation> arguments) =>
        arguments.FirstOrDefault(a => a.Parameter?.Name == "num_worker") is { ArgumentKind: ArgumentKind.Explicit } workers
        && workers.Value.ConstantValue is not { HasValue: true, Value: int count and <= 1 };

    private static string? RandomDraw(IInvocationOperation invocation, TorchSharpApis apis, INamedTypeSymbol? systemRandom)
    {
        var method = invocation.TargetMethod;
        if (apis.Classify(invocation) == RandomKind.Draw || apis.IsInternalGeneratorTransform(method))
        {
            return TorchSharpApis.Display(method);
        }

        return systemRandom is not null && !method.IsStatic && method.ContainingType.InheritsFrom(systemRandom)
            ? "Random." + method.Name
            : null;
    }

    private static string? DrawIn(INamedTypeSymbol? dataset, ConcurrentDictionary<INamedTypeSymbol, string> randomTypes)
    {
        for (var type = dataset; type is not null; type = type.BaseType)
        {
            if (randomTypes.TryGetValue(type, out var draw))
            {
                return draw;
            }
        }

        return null;
    }
}
