using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO010: TorchSharp's random operations (<c>torch.rand*</c>, <c>randn*</c>, <c>randint</c>, <c>randperm</c>,
/// <c>normal</c>, dropout, weight initialisation, layers that initialise their weights) draw from libtorch's global
/// generator. In a compilation that never calls <c>torch.manual_seed</c>, that generator starts from a different seed on
/// every run. Reported at the end of the compilation, once the whole program has been seen.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededTorchAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnseededTorch,
        title: "Seed TorchSharp before random tensor operations",
        messageFormat: "'{0}' draws from libtorch's global generator, and this project never calls torch.manual_seed, so it differs on every run; call torch.manual_seed(seed) once at start-up",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Random tensors, dropout and weight initialisation in TorchSharp use libtorch's global random generator. Without torch.manual_seed (or an explicit seeded Generator), initial weights, masks and samples change from run to run.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededTorch),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static readonly ImmutableHashSet<string> TorchRandom = ImmutableHashSet.Create(
        "rand", "rand_float", "randn", "randn_float", "randint", "randint_bool", "randint_int", "randint_long", "rand_like",
        "randn_like", "randint_like", "randperm", "normal", "bernoulli", "multinomial", "poisson", "rand_out", "randn_out",
        "randint_out", "randperm_out");

    private static readonly ImmutableHashSet<string> FunctionalRandom = ImmutableHashSet.Create(
        "dropout", "dropout1d", "dropout2d", "dropout3d", "alpha_dropout", "feature_alpha_dropout", "rrelu", "gumbel_softmax");

    private static readonly ImmutableHashSet<string> RandomModules = ImmutableHashSet.Create(
        "Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout",
        "Linear", "Bilinear", "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d",
        "Embedding", "EmbeddingBag", "LSTM", "GRU", "RNN", "LSTMCell", "GRUCell", "RNNCell", "MultiheadAttention",
        "Transformer", "TransformerEncoderLayer", "TransformerDecoderLayer");

    private static readonly ImmutableHashSet<string> TensorRandom = ImmutableHashSet.Create(
        "uniform_", "normal_", "random_", "bernoulli_", "exponential_", "geometric_", "cauchy_", "log_normal_");

    private static readonly ImmutableHashSet<string> Seeding = ImmutableHashSet.Create("manual_seed", "manual_seed_all", "seed");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            var torch = compilationContext.Compilation.GetTypeByMetadataName("TorchSharp.torch");
            if (torch is null)
            {
                return; // TorchSharp is not referenced
            }

            // Per compilation, never in analyzer fields.
            var randomCalls = new ConcurrentBag<(Location Location, string Name)>();
            var seeded = 0;

            compilationContext.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    var owner = method.ContainingType;
                    if (!IsWithin(owner, torch))
                    {
                        return;
                    }

                    if (Seeding.Contains(method.Name) && owner.Name is "torch" or "random" or "cuda")
                    {
                        System.Threading.Interlocked.Exchange(ref seeded, 1);
                        return;
                    }

                    var isRandom = (owner.Name == "torch" && TorchRandom.Contains(method.Name))
                        || (owner.Name == "functional" && FunctionalRandom.Contains(method.Name))
                        || (owner.Name == "init" && method.Name.EndsWith("_", System.StringComparison.Ordinal) && method.Name is not ("ones_" or "zeros_" or "constant_" or "eye_" or "dirac_"))
                        || (owner.Name == "nn" && RandomModules.Contains(method.Name))
                        || (owner.Name == "Tensor" && TensorRandom.Contains(method.Name));
                    if (isRandom && !HasGenerator(invocation))
                    {
                        randomCalls.Add((invocation.Syntax.GetLocation(), Display(owner, method)));
                    }
                },
                OperationKind.Invocation);

            compilationContext.RegisterCompilationEndAction(endContext =>
            {
                if (System.Threading.Volatile.Read(ref seeded) != 0)
                {
                    return;
                }

                foreach (var (location, name) in randomCalls.OrderBy(c => c.Location.SourceTree?.FilePath).ThenBy(c => c.Location.SourceSpan.Start))
                {
                    endContext.ReportDiagnostic(Diagnostic.Create(Rule, location, name));
                }
            });
        });
    }

    private static bool HasGenerator(IInvocationOperation invocation) =>
        invocation.Arguments.Any(a => a.Parameter?.Name == "generator" && a.ArgumentKind == ArgumentKind.Explicit
            && a.Value.ConstantValue is not { HasValue: true, Value: null });

    private static bool IsWithin(INamedTypeSymbol? type, INamedTypeSymbol torch)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, torch))
            {
                return true;
            }
        }

        return false;
    }

    private static string Display(INamedTypeSymbol owner, IMethodSymbol method) => owner.Name switch
    {
        "torch" => "torch." + method.Name,
        "Tensor" => "Tensor." + method.Name,
        "init" => "torch.nn.init." + method.Name,
        "functional" => "torch.nn.functional." + method.Name,
        _ => "torch." + owner.Name + "." + method.Name,
    };
}
