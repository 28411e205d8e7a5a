namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO005: <c>OrderBy(_ => Guid.NewGuid())</c> (and keys from the clock or Random.Shared) is a shuffle that cannot
/// be seeded: the order differs on every run.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RandomOrderingAnalyzer : ReproAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.RandomOrdering,
        title: "Do not shuffle by ordering on a random key",
        messageFormat:
            "'{0}' orders by '{1}', a shuffle that differs on every run; shuffle with a seeded generator instead ('new Random(seed).Shuffle(array)')",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "Ordering by Guid.NewGuid(), the clock or Random.Shared shuffles the sequence differently on every run, so the training order, batches and splits "
            + "change. Shuffle with a Random created from a fixed seed.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RandomOrdering));

    private static readonly ImmutableHashSet<string> OrderingMethods = ImmutableHashSet.Create("OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext compilationContext, WellKnownTypes types)
    {
        var containers = types.LinqContainers;
        if (containers.IsEmpty)
        {
            return;
        }

        var sources = types.Clocks;
        var shared = types.RandomShared;
        compilationContext.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (!OrderingMethods.Contains(method.Name) || !containers.Contains(method.ContainingType, SymbolEqualityComparer.Default))
                {
                    return;
                }

                var keySelector = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "keySelector")?.Value;
                var lambda = keySelector?.DescendantsAndSelf().OfType<IAnonymousFunctionOperation>().FirstOrDefault();
                if (lambda is null)
                {
                    return;
                }

                var source = sources.FindIn(lambda.Body)
                    ?? lambda.Body.DescendantsAndSelf().OfType<IPropertyReferenceOperation>()
                        .Select(p => (ISymbol)p.Property)
                        .FirstOrDefault(p => shared is not null && SymbolEqualityComparer.Default.Equals(p, shared));
                if (source is not null)
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(),
                        method.Name, source.ContainingType.Name + "." + source.Name));
                }
            },
            OperationKind.Invocation);
    }
}
