namespace Repro.Build.Analyzers;

/// <summary>How TorchSharp and TorchVision APIs draw random numbers, resolved once per compilation (REPRO010, 012, 013).</summary>
internal sealed class TorchSharpApis
{
    private static readonly ImmutableHashSet<string> TorchRandom = ImmutableHashSet.Create(
        "rand", "rand_float", "randn", "randn_float", "randint", "randint_bool", "randint_int", "randint_long", "rand_like",
        "randn_like", "randint_like", "randperm", "normal", "bernoulli", "multinomial", "poisson", "rand_out", "randn_out",
        "randint_out", "randperm_out");

    private static readonly ImmutableHashSet<string> FunctionalRandom = ImmutableHashSet.Create(
        "dropout", "dropout1d", "dropout2d", "dropout3d", "alpha_dropout", "feature_alpha_dropout", "rrelu", "gumbel_softmax");

    private static readonly ImmutableHashSet<string> DropoutModules = ImmutableHashSet.Create(
        "Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout", "RReLU");

    // Layers whose constructors initialise their weights from the global generator.
    private static readonly ImmutableHashSet<string> InitialisedModules = ImmutableHashSet.Create(
        "Linear", "Bilinear", "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d",
        "Embedding", "EmbeddingBag", "LSTM", "GRU", "RNN", "LSTMCell", "GRUCell", "RNNCell", "MultiheadAttention",
        "Transformer", "TransformerEncoderLayer", "TransformerDecoderLayer");

    private static readonly ImmutableHashSet<string> TensorRandom = ImmutableHashSet.Create(
        "uniform_", "normal_", "random_", "bernoulli_", "exponential_", "geometric_", "cauchy_", "log_normal_");

    // TorchVision transforms that draw from libtorch's global generator (torch.rand inside), so torch.manual_seed
    // reaches them.
    private static readonly ImmutableHashSet<string> GlobalGeneratorTransforms = ImmutableHashSet.Create(
        "Randomize", "RandomHorizontalFlip", "RandomVerticalFlip", "RandomPosterize", "RandomSolarize", "RandomGrayscale",
        "RandomAdjustSharpness", "RandomAutoContrast", "RandomInvert", "RandomApply", "RandomChoice", "ColorJitter",
        "AutoAugment", "RandAugment", "TrivialAugmentWide", "AugMix");

    /// <summary>TorchVision transforms that create their own unseeded System.Random, out of torch.manual_seed's reach.</summary>
    public static readonly ImmutableHashSet<string> InternalGeneratorTransforms = ImmutableHashSet.Create(
        "RandomResizedCrop", "RandomRotation", "RandomPerspective", "RandomOrder");

    private readonly INamedTypeSymbol _torch;
    private readonly INamedTypeSymbol? _torchvision;
    private readonly INamedTypeSymbol? _dataLoader;
    private readonly INamedTypeSymbol? _nn;
    private readonly INamedTypeSymbol? _functional;
    private readonly INamedTypeSymbol? _init;
    private readonly INamedTypeSymbol? _tensor;
    private readonly INamedTypeSymbol? _optim;
    private readonly INamedTypeSymbol? _random;
    private readonly INamedTypeSymbol? _transforms;
    private readonly INamedTypeSymbol? _models;
    private readonly INamedTypeSymbol? _module;

    private TorchSharpApis(Compilation compilation, INamedTypeSymbol torch)
    {
        _torch = torch;
        _torchvision = compilation.GetTypeByMetadataName("TorchSharp.torchvision");
        _dataLoader = compilation.GetTypeByMetadataName("TorchSharp.Modules.DataLoader`2");
        _nn = compilation.GetTypeByMetadataName("TorchSharp.torch+nn");
        _functional = compilation.GetTypeByMetadataName("TorchSharp.torch+nn+functional");
        _init = compilation.GetTypeByMetadataName("TorchSharp.torch+nn+init");
        _tensor = compilation.GetTypeByMetadataName("TorchSharp.torch+Tensor");
        _optim = compilation.GetTypeByMetadataName("TorchSharp.torch+optim");
        _random = compilation.GetTypeByMetadataName("TorchSharp.torch+random");
        _transforms = compilation.GetTypeByMetadataName("TorchSharp.torchvision+transforms");
        _models = compilation.GetTypeByMetadataName("TorchSharp.torchvision+models");
        _module = compilation.GetTypeByMetadataName("TorchSharp.torch+nn+Module");
    }

    /// <summary>Null when TorchSharp is not referenced. Made once per compilation by <see cref="WellKnownTypes"/>.</summary>
    public static TorchSharpApis? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName("TorchSharp.torch") is { } torch ? new TorchSharpApis(compilation, torch) : null;

    /// <summary>True when TorchVision is referenced too.</summary>
    public bool HasTorchVision => _torchvision is not null;

    /// <summary>
    /// <c>torch.utils.data.DataLoader(…)</c>, or a constructor of TorchSharp's DataLoader classes or of a class derived
    /// from them (including the <c>base(…)</c> call of such a class).
    /// </summary>
    public bool IsDataLoader(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Constructor)
        {
            return method.Name == "DataLoader" && method.IsStatic && IsWithin(method.ContainingType, _torch);
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _dataLoader))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How a call draws random numbers from libtorch's global generator, or <see cref="RandomKind.None"/>.</summary>
    public RandomKind Classify(IInvocationOperation invocation)
    {
        var kind = ClassifyMethod(invocation.TargetMethod);

        // The arguments are looked at last: building them costs more than the symbol checks.
        return kind != RandomKind.None && HasGenerator(invocation) ? RandomKind.None : kind;
    }

    private RandomKind ClassifyMethod(IMethodSymbol method)
    {
        var owner = method.ContainingType;
        if (owner is null)
        {
            return RandomKind.None;
        }

        if (Is(owner, _torch) && TorchRandom.Contains(method.Name)
            || Is(owner, _functional) && FunctionalRandom.Contains(method.Name)
            || Is(owner, _nn) && DropoutModules.Contains(method.Name)
            || Is(owner, _tensor) && TensorRandom.Contains(method.Name))
        {
            return RandomKind.Draw;
        }

        if (Is(owner, _nn) && InitialisedModules.Contains(method.Name)
            || Is(owner, _init) && method.Name.EndsWith("_", System.StringComparison.Ordinal)
                && method.Name is not ("ones_" or "zeros_" or "constant_" or "eye_" or "dirac_"))
        {
            return RandomKind.Initialisation;
        }

        if (Is(owner, _transforms))
        {
            // Equalize() is deterministic; Equalize(p) applies it at random. GaussianBlur draws sigma unless given one.
            var isRandom = GlobalGeneratorTransforms.Contains(method.Name)
                || (method.Name == "Equalize" && method.Parameters.Length == 1)
                || (method.Name == "GaussianBlur" && !method.Parameters.Any(p => p.Name == "sigma"));
            return isRandom ? RandomKind.Draw : RandomKind.None;
        }

        return Is(owner, _models) ? RandomKind.Initialisation : RandomKind.None;
    }

    /// <summary>True for the TorchVision transforms whose own System.Random no seed reaches.</summary>
    public bool IsInternalGeneratorTransform(IMethodSymbol method) =>
        Is(method.ContainingType, _transforms) && InternalGeneratorTransforms.Contains(method.Name);

    /// <summary>torch.manual_seed or torch.random.manual_seed: seeds libtorch's global CPU generator.</summary>
    public bool IsGlobalSeed(IMethodSymbol method) =>
        method.Name == "manual_seed" && method.IsStatic && (Is(method.ContainingType, _torch) || Is(method.ContainingType, _random));

    public bool IsWithinTorch(INamedTypeSymbol? type) => IsWithin(type, _torch);

    /// <summary>A class derived from torch.nn.Module (a layer or a model).</summary>
    public bool IsModule(INamedTypeSymbol type) => _module is not null && type.BaseType.InheritsFrom(_module);

    /// <summary>TorchSharp's and TorchVision's own assemblies.</summary>
    public bool IsTorchSharpAssembly(IAssemblySymbol assembly) =>
        SymbolEqualityComparer.Default.Equals(assembly, _torch.ContainingAssembly)
        || (_torchvision is not null && SymbolEqualityComparer.Default.Equals(assembly, _torchvision.ContainingAssembly));

    /// <summary>torch.optim: creating an optimizer means training.</summary>
    public bool IsOptim(INamedTypeSymbol? type) => Is(type, _optim);

    private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    private static bool HasGenerator(IInvocationOperation invocation) =>
        invocation.Arguments.Any(a => a.Parameter?.Name == "generator" && a.ArgumentKind == ArgumentKind.Explicit
            && a.Value.ConstantValue is not { HasValue: true, Value: null });

    private static bool IsWithin(INamedTypeSymbol? type, INamedTypeSymbol container)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, container))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A display name such as <c>torch.nn.Linear</c> or <c>torchvision.transforms.RandomHorizontalFlip</c>.</summary>
    public static string Display(IMethodSymbol method)
    {
        var parts = new System.Collections.Generic.List<string> { method.Name };
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            parts.Insert(0, type.Name);
        }

        return string.Join(".", parts);
    }
}

internal enum RandomKind
{
    None,

    /// <summary>Draws while the program runs: random tensors, dropout, random augmentation.</summary>
    Draw,

    /// <summary>Initialises weights: irrelevant when the weights are loaded afterwards and never trained.</summary>
    Initialisation,
}
