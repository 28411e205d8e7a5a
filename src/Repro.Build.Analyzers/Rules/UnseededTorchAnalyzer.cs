using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO010: TorchSharp's random operations (<c>torch.rand*</c>, <c>randn*</c>, <c>randint</c>, <c>randperm</c>,
/// <c>normal</c>, dropout, random TorchVision transforms, weight initialisation, layers and models that initialise
/// their weights) draw from libtorch's global generator. In a program that never calls <c>torch.manual_seed</c>, that
/// generator starts from a different seed on every run. One missing seed is one cause, so the rule reports once per
/// program, at its first random operation, with the others as additional locations. Libraries stay quiet: the seed
/// belongs to the application that uses them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededTorchAnalyzer : ReproAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnseededTorch,
        title: "Seed TorchSharp before random tensor operations",
        messageFormat: "'{0}' draws from libtorch's global generator, and this program never calls torch.manual_seed, so it differs on every run ({1} random operation(s) in all); call torch.manual_seed(seed) once at start-up",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Random tensors, dropout, random augmentation and weight initialisation in TorchSharp use libtorch's global random generator. Without torch.manual_seed (or an explicit seeded Generator), initial weights, masks and samples change from run to run. Reported once per program; the other random operations are additional locations.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededTorch),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>Most additional locations one diagnostic carries.</summary>
    private const int MaxAdditionalLocations = 50;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext compilationContext, WellKnownTypes types)
    {
        var apis = types.TorchSharp;
        if (apis is null || !IsApplication(compilationContext.Compilation.Options.OutputKind))
        {
            return; // TorchSharp is not referenced, or a library: its application seeds
        }

        // Per compilation, never in analyzer fields.
        var draws = new ConcurrentBag<(Location Location, string Name)>();
        var initialisations = new ConcurrentBag<(Location Location, string Name)>();
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
                }
            },
            OperationKind.Invocation);

        compilationContext.RegisterCompilationEndAction(endContext =>
        {
            if (System.Threading.Volatile.Read(ref seeded) != 0)
            {
                return;
            }

            // Initial weights that are replaced by loaded ones and never trained do not reach any result.
            var initialisationMatters = System.Threading.Volatile.Read(ref trains) != 0 || System.Threading.Volatile.Read(ref loadsWeights) == 0;
            var operations = (initialisationMatters ? draws.Concat(initialisations) : draws)
                .OrderBy(c => c.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
                .ThenBy(c => c.Location.SourceSpan.Start)
                .ToArray();
            if (operations.Length == 0)
            {
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

    private static bool IsApplication(OutputKind kind) =>
        kind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication;

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
