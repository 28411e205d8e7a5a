namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO003: a generator seeded from the clock, a GUID or entropy is as unseeded as one without a seed: the seed
/// differs on every run. Checks every argument bound to a parameter named <c>seed</c> (System.Random, MLContext,
/// torch.manual_seed, torch.Generator, Math.NET sources, DataLoader, and the program's own methods).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClockSeedAnalyzer : ReproAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.ClockSeed,
        title: "Do not seed from the clock or entropy",
        messageFormat: "The seed of '{0}' comes from '{1}', which differs on every run; use a fixed seed",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "Seeds taken from Environment.TickCount, DateTime.Now, Stopwatch.GetTimestamp, Guid.NewGuid or a cryptographic generator change from run to run, "
            + "so the generator's numbers do too. Every argument passed to a parameter named seed is checked. Use a fixed seed, and record it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ClockSeed));

    // The APIs NondeterministicSources looks for, by name.
    private static readonly ImmutableHashSet<string> ClockIdentifiers = ImmutableHashSet.Create(
        "TickCount", "TickCount64", "ProcessId", "Now", "UtcNow", "Today", "GetTimestamp", "NewGuid", "GetInt32", "GetBytes", "Fill");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var sources = types.Clocks;
        context.RegisterOperationBlockStartAction(blockContext =>
        {
            if (!TokenFilter.Mentions(blockContext.OperationBlocks, ClockIdentifiers))
            {
                return; // a seed from the clock names the clock in the member that computes it
            }

            blockContext.RegisterOperationAction(
                operationContext =>
                {
                    var (method, arguments) = operationContext.Operation switch
                    {
                        IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
                        IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                        _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                    };
                    // Symbols first: building the argument operations costs more.
                    if (method is null || !method.Parameters.Any(p => p.Name.Equals("seed", System.StringComparison.OrdinalIgnoreCase)))
                    {
                        return;
                    }

                    // Any seed: new Random(seed), new MLContext(seed:), torch.manual_seed, new torch.Generator(seed),
                    // new MersenneTwister(seed), DataLoader(…, seed:), or a method of the program's own named so.
                    foreach (var argument in arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.Explicit
                            && argument.Parameter?.Name.Equals("seed", System.StringComparison.OrdinalIgnoreCase) == true
                            && sources.FindIn(argument.Value) is { } source)
                        {
                            // The whole argument expression: unchecked(...) and parentheses have no operation of their own.
                            var expression = argument.Value.Syntax;
                            while (expression.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.CheckedExpressionSyntax or
                                Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax)
                            {
                                expression = expression.Parent;
                            }

                            var name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
                            operationContext.ReportDiagnostic(Diagnostic.Create(Rule, expression.GetLocation(),
                                name, source.ContainingType.Name + "." + source.Name));
                        }
                    }
                },
                OperationKind.ObjectCreation,
                OperationKind.Invocation);
        });
    }
}
