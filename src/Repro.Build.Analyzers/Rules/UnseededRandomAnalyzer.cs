namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO001: <c>new Random()</c> seeds itself from the system's entropy, so every run draws different numbers:
/// shuffles, splits and initial weights change, and so does the trained model. A generator nothing draws from (held but
/// unused, drawn from only in a branch a constant condition rules out, or handed to methods that ignore it) changes
/// nothing and is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededRandomAnalyzer : ReproAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnseededRandom,
        title: "Seed System.Random",
        messageFormat: "'new Random()' has no seed, so it draws different numbers on every run; pass a fixed seed such as 'new Random(42)'",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "A Random created without a seed is seeded from the system's entropy: shuffles, data splits and initial weights differ from run to run, and so do "
            + "the results. Pass a fixed seed.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededRandom));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        if (types.Random is not { } randomType)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var creation = (IObjectCreationOperation)operationContext.Operation;
                if (creation.Constructor is { Parameters.Length: 0 } constructor
                    && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, randomType)
                    && !GeneratorUse.NeverDrawnFrom(creation, types))
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation()));
                }
            },
            OperationKind.ObjectCreation);
    }
}
