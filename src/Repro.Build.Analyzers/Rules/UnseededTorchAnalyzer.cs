using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO010: TorchSharp's random operations (<c>torch.rand*</c>, <c>randn*</c>, <c>randint</c>, <c>randperm</c>,
/// <c>normal</c>, dropout, random TorchVision transforms, weight initialisation, layers and models that initialise
/// their weights) draw from libtorch's global generator. In a program that never calls <c>torch.manual_seed</c>, that
/// generator starts from a different seed on every run. One missing seed is one cause, so the rule reports once per
/// program, at its first random operation, with the others as additional locations. Libraries stay quiet: the seed
/// belongs to the application that uses them. An application that trains through such a library (it calls a
/// <c>Train…</c>/<c>Fit…</c> method of a referenced assembly that declares TorchSharp modules, or builds one of those
/// modules) is reported too, since that library's layers initialise their weights from the same unseeded generator.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededTorchAnalyzer : ReproAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnseededTorch,
        title: "Seed TorchSharp before random tensor operations",
        messageFormat:
            "'{0}' draws from libtorch's global generator, and this program never calls torch.manual_seed, so it differs on every run ({1} random operation(s) "
            + "in all); call torch.manual_seed(seed) once at start-up",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "Random tensors, dropout, random augmentation and weight initialisation in TorchSharp use libtorch's global random generator. Without "
            + "torch.manual_seed (or an explicit seeded Generator), initial weights, masks and samples change from run to run. Reported once per program; the "
            + "other random operations are additional locations.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededTorch),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>An application whose only random work happens in a library it trains through: {0} is the call, {1} the library.</summary>
    internal static readonly DiagnosticDescriptor LibraryRule = new(
        RuleIdentifiers.UnseededTorch,
        title: "Seed TorchSharp before random tensor operations",
        messageFormat:
            "'{0}' trains TorchSharp modules of '{1}', whose initial weights (and any random sampling) come from libtorch's global generator, and this program "
            + "never calls torch.manual_seed, so the model differs on every run; call torch.manual_seed(seed) once at start-up",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "A library's TorchSharp layers initialise their weights from libtorch's global generator, which only the application can seed. An application that "
            + "trains through the library without torch.manual_seed gets different initial weights, and so a different model, on every run.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededTorch),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>Most additional locations one diagnostic carries.</summary>
    private const int MaxAdditionalLocations = 50;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, LibraryRule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext compilationContext, WellKnownTypes types)
    {
        var apis = types.TorchSharp;
        if (apis is null || !IsApplication(compilationContext.Compilation, compilationContext.CancellationToken))
        {
            return; // TorchSharp is not referenced, or a library: its application seeds
        }

        // Per compilation, never in analyzer fields.
        var draws = new ConcurrentBag<(Location Location, string Name)>();
        var initialisations = new ConcurrentBag<(Location Location, string Name)>();
        var libraryTraining = new ConcurrentBag<(Location Location, string Name, string Library)>();
        var libraries = new ConcurrentDictionary<IAssemblySymbol, bool>(SymbolEqualityComparer.Default);
        var seeded = 0;
        var trains = 0;
        var loadsWeights = 0;

        compilationContext.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (apis.IsGlobalSeed(method))
                {
                    System.Threading.Interlocked.Exchange(ref seeded, 1);
                    return;
                }

                if (IsTraining(method, apis))
                {
                    System.Threading.Interlocked.Exchange(ref trains, 1);
                }
                else if (LoadsWeights(invocation, apis))
                {
                    System.Threading.Interlocked.Exchange(ref loadsWeights, 1);
                }

                switch (apis.Classify(invocation))
                {
                    case RandomKind.Draw:
                        draws.Add((invocation.Syntax.GetLocation(), TorchSharpApis.Display(method)));
                        break;
                    case RandomKind.Initialisation:
                        initialisations.Add((invocation.Syntax.GetLocation(), TorchSharpApis.Display(method)));
                        break;
                    // ML.NET's TorchSharp trainers (Microsoft.ML.TorchSharp) seed libtorch themselves: frameworks are not libraries of the program's models.
                    case RandomKind.None when IsTrainingCall(method) && !types.IsMachineLearningApi(method) && TrainsModules(method.ContainingAssembly):
                        libraryTraining.Add((invocation.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name, method.ContainingAssembly.Name));
                        break;
                }
            },
            OperationKind.Invocation);

        // A library's module built here initialises its weights as nn.Linear does.
        compilationContext.RegisterOperationAction(
            operationContext =>
            {
                var creation = (IObjectCreationOperation)operationContext.Operation;
                if (creation.Type is INamedTypeSymbol type && creation.Constructor is { } constructor && !types.IsMachineLearningApi(constructor)
                    && apis.IsModule(type) && TrainsModules(type.ContainingAssembly))
                {
                    initialisations.Add((creation.Syntax.GetLocation(), type.Name));
                }
            },
            OperationKind.ObjectCreation);

        // A referenced assembly that is not TorchSharp's own, references TorchSharp and declares modules: its layers
        // draw their initial weights from the global generator. Decided once per assembly.
        bool TrainsModules(IAssemblySymbol? assembly) =>
            assembly is not null && !apis.IsTorchSharpAssembly(assembly) && !SymbolEqualityComparer.Default.Equals(assembly,
                compilationContext.Compilation.Assembly)
            && libraries.GetOrAdd(assembly, a => a.Modules.Any(m => m.ReferencedAssemblySymbols.Any(apis.IsTorchSharpAssembly))
                && DeclaresModule(a.GlobalNamespace, apis));

        compilationContext.RegisterCompilationEndAction(endContext =>
        {
            if (System.Threading.Volatile.Read(ref seeded) != 0)
            {
                return;
            }

            // Initial weights that are replaced by loaded ones and never trained do not reach any result.
            var initialisationMatters = System.Threading.Volatile.Read(ref trains) != 0 || System.Threading.Volatile.Read(ref loadsWeights) == 0
                || !libraryTraining.IsEmpty;
            var operations = (initialisationMatters ? draws.Concat(initialisations) : draws)
                .OrderBy(c => c.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
                .ThenBy(c => c.Location.SourceSpan.Start)
                .ToArray();
            if (operations.Length == 0)
            {
                // The program's only random work is done by a library it trains through.
                if (libraryTraining.OrderBy(c => c.Location.SourceTree?.FilePath,
                    System.StringComparer.Ordinal).ThenBy(c => c.Location.SourceSpan.Start).FirstOrDefault() is { Location: not null } first)
                {
                    endContext.ReportDiagnostic(Diagnostic.Create(LibraryRule, first.Location, first.Name, first.Library));
                }

                return;
            }

            endContext.ReportDiagnostic(Diagnostic.Create(
                Rule,
                operations[0].Location,
                operations.Skip(1).Take(MaxAdditionalLocations).Select(o => o.Location),
                operations[0].Name,
                operations.Length));
        });
    }

    /// <summary>
    /// An executable, or code that declares an entry point (a static Main, or top-level statements) whatever the
    /// output kind says: a program compiled as a library (a test harness, a script host) still starts there.
    /// </summary>
    private static bool IsApplication(Compilation compilation, System.Threading.CancellationToken cancellationToken) =>
        compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication
        || compilation.GetSymbolsWithName("Main", SymbolFilter.Member, cancellationToken).OfType<IMethodSymbol>().Any(m => m.IsStatic
            && m.MethodKind == MethodKind.Ordinary)
        || compilation.SyntaxTrees.Any(tree => tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit
            && unit.Members.Any(member => member is GlobalStatementSyntax));

    /// <summary>A method that trains (Train, TrainEpoch, Fit…) and takes no seed of its own; TrainsModules tells whether its assembly is a library of
    /// modules.</summary>
    private static bool IsTrainingCall(IMethodSymbol method) =>
        (method.Name.StartsWith("Train", System.StringComparison.Ordinal) || method.Name.StartsWith("Fit", System.StringComparison.Ordinal))
        && !method.Parameters.Any(p => p.Name.IndexOf("seed", System.StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>True when a namespace of the assembly declares a TorchSharp module (a class derived from torch.nn.Module).</summary>
    private static bool DeclaresModule(INamespaceSymbol ns, TorchSharpApis apis) =>
        ns.GetTypeMembers().Any(type => type.TypeKind == TypeKind.Class && apis.IsModule(type))
        || ns.GetNamespaceMembers().Any(child => DeclaresModule(child, apis));

    /// <summary>An optimizer is created or gradients are computed: the initial weights reach the trained model.</summary>
    private static bool IsTraining(IMethodSymbol method, TorchSharpApis apis) =>
        (method.Name == "backward" && apis.IsWithinTorch(method.ContainingType))
        || apis.IsOptim(method.ContainingType);

    /// <summary>Weights read from a file (module.load, load_py, load_state_dict, or a TorchVision model's weights_file).</summary>
    private static bool LoadsWeights(IInvocationOperation invocation, TorchSharpApis apis)
    {
        var method = invocation.TargetMethod;
        if (method.Name is "load" or "load_py" or "load_state_dict" or "load_checkpoint" && !method.IsStatic && apis.IsWithinTorch(method.ContainingType))
        {
            return true;
        }

        return method.Parameters.Any(p => p.Name == "weights_file")
            && invocation.Arguments.Any(a => a.Parameter?.Name == "weights_file" && a.ArgumentKind == ArgumentKind.Explicit
                && a.Value.ConstantValue is not { HasValue: true, Value: null });
    }
}
