using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO002: <c>Random.Shared</c> is seeded from the system's entropy and shared by the whole process, so neither its
/// sequence nor the order in which threads draw from it repeats from one run to the next.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SharedRandomAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.SharedRandom,
        title: "Do not use Random.Shared in training code",
        messageFormat: "'Random.Shared' is seeded from the system's entropy and shared by the whole process, so its numbers differ on every run; create one 'new Random(seed)' and pass it along",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Random.Shared cannot be seeded. Shuffles, splits and samples drawn from it change from run to run. Create a Random with a fixed seed once and pass it to the code that needs random numbers.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SharedRandom));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            var shared = compilationContext.Compilation.GetTypeByMetadataName("System.Random")?.GetMembers("Shared");
            if (shared is not { Length: 1 } || shared.Value[0] is not IPropertySymbol sharedProperty)
            {
                return; // .NET Framework and .NET Standard have no Random.Shared
            }

            compilationContext.RegisterOperationAction(
                operationContext =>
                {
                    var reference = (IPropertyReferenceOperation)operationContext.Operation;
                    if (SymbolEqualityComparer.Default.Equals(reference.Property, sharedProperty))
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(Rule, reference.Syntax.GetLocation()));
                    }
                },
                OperationKind.PropertyReference);
        });
    }
}
