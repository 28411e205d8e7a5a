namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO009: Math.NET Numerics generators without a seed (<c>new MersenneTwister()</c>), the shared default sources
/// (<c>SystemRandomSource.Default</c>), distributions and samplers that fall back to them (<c>new Normal(0, 1)</c>,
/// <c>Normal.Sample(0, 1)</c>) and <c>Matrix&lt;T&gt;.Build.Random(r, c)</c> draw different numbers on every run.
/// Active only when Math.NET Numerics is referenced.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededMathNetAnalyzer : ReproAnalyzer
{
    private const string Title = "Seed Math.NET Numerics random sources";
    private const string Description =
        "Math.NET Numerics random sources created without a seed, the shared default sources, and distributions, samplers and random matrices that use them "
        + "draw different numbers on every run. Create one seeded source (new MersenneTwister(seed)) and pass it to distributions and samplers.";

    /// <summary><c>new CryptoRandomSource()</c>.</summary>
    internal static readonly DiagnosticDescriptor CryptoSourceRule = new(
        RuleIdentifiers.UnseededMathNet,
        Title,
        messageFormat: "'CryptoRandomSource' cannot be seeded, so its numbers differ on every run; use a seeded source such as 'new MersenneTwister(seed)'",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededMathNet));

    /// <summary>A random source created without a seed: {0} is its type.</summary>
    internal static readonly DiagnosticDescriptor UnseededSourceRule = new(
        RuleIdentifiers.UnseededMathNet,
        Title,
        messageFormat: "'new {0}()' has no seed and seeds itself from the system's entropy; pass a fixed seed",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededMathNet));

    /// <summary>A distribution created without a random source: {0} is its type, {1} '…' when it is given parameters.</summary>
    internal static readonly DiagnosticDescriptor DistributionRule = new(
        RuleIdentifiers.UnseededMathNet,
        Title,
        messageFormat:
            "'new {0}({1})' samples from the shared 'SystemRandomSource.Default'; pass a seeded random source (a 'new MersenneTwister(seed)' created once)",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededMathNet));

    /// <summary>A static <c>Sample</c> without a random source: {0} is the distribution, {1} the method.</summary>
    internal static readonly DiagnosticDescriptor StaticSampleRule = new(
        RuleIdentifiers.UnseededMathNet,
        Title,
        messageFormat: "'{0}.{1}' without a random source samples from the shared default; pass a seeded source as the first argument",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededMathNet));

    /// <summary>A shared <c>Default</c> source: {0} is its type.</summary>
    internal static readonly DiagnosticDescriptor DefaultSourceRule = new(
        RuleIdentifiers.UnseededMathNet,
        Title,
        messageFormat: "'{0}.Default' is shared and seeded from the system's entropy; create a seeded source and pass it along",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededMathNet));

    /// <summary><c>Matrix&lt;T&gt;.Build.Random</c> (or a vector's) without a seed.</summary>
    internal static readonly DiagnosticDescriptor RandomMatrixRule = new(
        RuleIdentifiers.UnseededMathNet,
        Title,
        messageFormat: "'Build.Random' without a seed fills the values from the system's entropy; pass a seed as the last argument",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededMathNet));

    /// <summary>Marks findings the code fix can mend by appending a seed argument.</summary>
    internal const string FixProperty = "Fix";

    private static readonly ImmutableDictionary<string, string?> AppendSeed = ImmutableDictionary<string, string?>.Empty.Add(FixProperty, "append-seed");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
        ImmutableArray.Create(CryptoSourceRule, UnseededSourceRule, DistributionRule, StaticSampleRule, DefaultSourceRule, RandomMatrixRule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext compilationContext, WellKnownTypes types)
    {
        var randomSource = types.MathNetRandomSource;
        if (randomSource is null)
        {
            return; // Math.NET Numerics is not referenced
        }

        var systemRandom = types.Random;
        var distributions = types.MathNetDistributions;
        var crypto = types.MathNetCryptoRandomSource;

        compilationContext.RegisterOperationAction(
            operationContext =>
            {
                var creation = (IObjectCreationOperation)operationContext.Operation;
                if (creation.Constructor is not { } constructor || creation.Type is not INamedTypeSymbol type)
                {
                    return;
                }

                if (OperationHelpers.InheritsFrom(type, randomSource))
                {
                    if (SymbolEqualityComparer.Default.Equals(type, crypto))
                    {
                        Report(operationContext, creation, CryptoSourceRule);
                    }
                    else if (!constructor.Parameters.Any(p => p.Name == "seed") && !OnlyDrawnForDisplay(creation, types))
                    {
                        Report(operationContext, creation, UnseededSourceRule, constructor.Parameters.Length == 0 ? AppendSeed : null, type.Name);
                    }

                    return;
                }

                // new Normal(0, 1) and new Normal() alike fall back to the shared default source.
                if (IsDistribution(type, distributions) && systemRandom is not null
                    && !constructor.Parameters.Any(p => OperationHelpers.InheritsFrom(p.Type as INamedTypeSymbol, systemRandom))
                    && type.InstanceConstructors.Any(c => c.Parameters.Any(p => OperationHelpers.InheritsFrom(p.Type as INamedTypeSymbol, systemRandom)))
                    && MaySample(creation))
                {
                    Report(operationContext, creation, DistributionRule, null, type.Name, constructor.Parameters.Length == 0 ? "" : "…");
                }
            },
            OperationKind.ObjectCreation);

        compilationContext.RegisterOperationAction(
            operationContext =>
            {
                var reference = (IPropertyReferenceOperation)operationContext.Operation;
                if (reference.Property is { Name: "Default", IsStatic: true } property && OperationHelpers.InheritsFrom(property.ContainingType, randomSource))
                {
                    Report(operationContext, reference, DefaultSourceRule, null, property.ContainingType.Name);
                }
            },
            OperationKind.PropertyReference);

        compilationContext.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                var owner = method.ContainingType;
                if (method.IsStatic && IsDistribution(owner, distributions) && method.Name.StartsWith("Sample", System.StringComparison.Ordinal)
                    && systemRandom is not null
                    && !method.Parameters.Any(p => OperationHelpers.InheritsFrom(p.Type as INamedTypeSymbol, systemRandom))
                    && owner.GetMembers(method.Name).OfType<IMethodSymbol>().Any(m => m.Parameters.Any(p => OperationHelpers.InheritsFrom(p.Type as
                        INamedTypeSymbol, systemRandom))))
                {
                    Report(operationContext, invocation, StaticSampleRule, null, owner.Name, method.Name);
                    return;
                }

                if (method.Name == "Random" && !method.Parameters.Any(p => p.Name is "seed" or "distribution")
                    && WellKnownTypes.IsOneOf(owner, types.MathNetBuilders))
                {
                    Report(operationContext, invocation, RandomMatrixRule, AppendSeed);
                }
            },
            OperationKind.Invocation);
    }

    /// <summary>
    /// False when the distribution is only used for its density, distribution function or moments, which draw nothing:
    /// <c>new Normal(m, s).Density(x)</c>, or a local that is never sampled, passed on or returned.
    /// </summary>
    private static bool MaySample(IObjectCreationOperation creation)
    {
        IOperation current = creation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IInvocationOperation call when call.Instance == current:
                return IsSampling(call.TargetMethod);
            case IPropertyReferenceOperation:
                return false; // .Mean, .StdDev…
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                foreach (var reference in OperationHelpers.ReferencesTo(declarator.Symbol, declarator))
                {
                    IOperation use = reference;
                    while (use.Parent is IConversionOperation or IParenthesizedOperation)
                    {
                        use = use.Parent;
                    }

                    var sampled = use.Parent switch
                    {
                        IInvocationOperation call when call.Instance == use => IsSampling(call.TargetMethod),
                        IPropertyReferenceOperation => false,
                        _ => true, // passed on, returned, stored: may be sampled there
                    };
                    if (sampled)
                    {
                        return true;
                    }
                }

                return false;
            default:
                return true;
        }
    }

    /// <summary>A source held in a local whose every draw only chooses what is displayed (see <see cref="DisplayOnlyUse"/>).</summary>
    private static bool OnlyDrawnForDisplay(IObjectCreationOperation creation, WellKnownTypes types)
    {
        if (creation.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            return false;
        }

        var references = OperationHelpers.ReferencesTo(declarator.Symbol, declarator).ToArray();
        return references.Length > 0
            && references.All(r => r.Parent is IInvocationOperation draw && draw.Instance == r && DisplayOnlyUse.Check(draw, types));
    }

    private static bool IsSampling(IMethodSymbol method) => method.Name.StartsWith("Sample", System.StringComparison.Ordinal);

    private static void Report(OperationAnalysisContext context, IOperation operation, DiagnosticDescriptor descriptor, ImmutableDictionary<string,
        string?>? properties = null, params object[] arguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, operation.Syntax.GetLocation(), properties, arguments));

    private static bool IsDistribution(INamedTypeSymbol? type, INamespaceSymbol? distributions) =>
        type is not null && distributions is not null && SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, distributions);
}
