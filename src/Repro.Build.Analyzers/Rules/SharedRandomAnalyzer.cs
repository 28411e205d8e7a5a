namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO002: <c>Random.Shared</c> is seeded from the system's entropy and shared by the whole process, so neither its
/// sequence nor the order in which threads draw from it repeats from one run to the next. The same holds for sampling
/// with the cryptographic generator (<c>RandomNumberGenerator.Shuffle</c>, <c>GetItems</c>, and <c>GetInt32</c>,
/// <c>GetBytes</c>, <c>Fill</c> when their values pick elements, decide with a threshold or become numbers), which
/// cannot be seeded. Its other uses (keys, tokens, salts) are security code and are left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SharedRandomAnalyzer : ReproAnalyzer
{
    private const string Title = "Do not sample from generators that cannot be seeded";
    private const string Description =
        "Random.Shared and the cryptographic RandomNumberGenerator cannot be seeded. Shuffles, splits and samples drawn from them (GetInt32 used as an index "
        + "or against a threshold, GetBytes/Fill turned into numbers) change from run to run. Create a Random with a fixed seed once and pass it to the code "
        + "that needs random numbers.";

    /// <summary><c>Random.Shared</c>.</summary>
    internal static readonly DiagnosticDescriptor SharedRule = new(
        RuleIdentifiers.SharedRandom,
        Title,
        messageFormat:
            "'Random.Shared' is seeded from the system's entropy and shared by the whole process, so its numbers differ on every run; create one 'new "
            + "Random(seed)' and pass it along",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SharedRandom));

    /// <summary><c>RandomNumberGenerator.Shuffle</c> and <c>GetItems</c>: {0} is the method.</summary>
    internal static readonly DiagnosticDescriptor CryptoSampleRule = new(
        RuleIdentifiers.SharedRandom,
        Title,
        messageFormat: "'RandomNumberGenerator.{0}' cannot be seeded, so the sample differs on every run; use a seeded 'new Random(seed).{0}'",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SharedRandom));

    /// <summary><c>GetInt32</c>, <c>GetBytes</c>, <c>Fill</c> used as a sample: {0} is the method, {1} how its value is used.</summary>
    internal static readonly DiagnosticDescriptor CryptoValueRule = new(
        RuleIdentifiers.SharedRandom,
        Title,
        messageFormat:
            "'RandomNumberGenerator.{0}' cannot be seeded, and its value is used {1}, so the sample differs on every run; draw from one seeded 'new "
            + "Random(seed)' instead",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SharedRandom));

    // A member that names none of these cannot use the APIs, and gets no per-operation callbacks.
    private static readonly ImmutableHashSet<string> Identifiers = ImmutableHashSet.Create(
        "Shared", "Shuffle", "GetItems", "GetInt32", "GetBytes", "GetNonZeroBytes", "Fill");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(SharedRule, CryptoSampleRule, CryptoValueRule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var crypto = types.RandomNumberGenerator;
        var sharedProperty = types.RandomShared;
        if (crypto is null && sharedProperty is null)
        {
            return;
        }

        context.RegisterOperationBlockStartAction(blockContext =>
        {
            if (!TokenFilter.Mentions(blockContext.OperationBlocks, Identifiers))
            {
                return;
            }

            if (crypto is not null)
            {
                blockContext.RegisterOperationAction(operationContext => AnalyzeCryptoCall(operationContext, crypto, types), OperationKind.Invocation);
            }

            if (sharedProperty is not null)
            {
                blockContext.RegisterOperationAction(
                    operationContext =>
                    {
                        var reference = (IPropertyReferenceOperation)operationContext.Operation;
                        if (SymbolEqualityComparer.Default.Equals(reference.Property, sharedProperty))
                        {
                            operationContext.ReportDiagnostic(Diagnostic.Create(SharedRule, reference.Syntax.GetLocation()));
                        }
                    },
                    OperationKind.PropertyReference);
            }
        });
    }

    private static void AnalyzeCryptoCall(OperationAnalysisContext context, INamedTypeSymbol crypto, WellKnownTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("Shuffle" or "GetItems" or "GetInt32" or "GetBytes" or "GetNonZeroBytes" or "Fill")
            || !method.ContainingType.InheritsFrom(crypto))
        {
            return;
        }

        if (method.Name is "Shuffle" or "GetItems")
        {
            context.ReportDiagnostic(Diagnostic.Create(CryptoSampleRule, invocation.Syntax.GetLocation(), method.Name));
        }
        else if (CryptoSampling.Use(invocation, types) is { } use)
        {
            context.ReportDiagnostic(Diagnostic.Create(CryptoValueRule, invocation.Syntax.GetLocation(), method.Name, use));
        }
    }
}
