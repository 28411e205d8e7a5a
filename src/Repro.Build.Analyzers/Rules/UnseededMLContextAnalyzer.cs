using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO004: <c>new MLContext()</c> without a seed (or with <c>seed: null</c>) seeds ML.NET from the system's
/// entropy: splits, shuffles and trainers differ on every run. Per-call seeds of TrainTestSplit, ShuffleRows and
/// CrossValidate fall back to the context's seed, so a seeded context is enough.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededMLContextAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnseededMLContext,
        title: "Seed MLContext",
        messageFormat: "'new MLContext()' has no seed, so data splits, shuffles and trainers differ on every run; pass 'seed: 42' (or your seed)",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An MLContext without a seed draws its random numbers from the system's entropy: TrainTestSplit, ShuffleRows, CrossValidate and the trainers' initial states change from run to run. Seed the context once; per-call seeds fall back to it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededMLContext));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            var mlContext = compilationContext.Compilation.GetTypeByMetadataName("Microsoft.ML.MLContext");
            if (mlContext is null)
            {
                return; // ML.NET is not referenced
            }

            compilationContext.RegisterOperationAction(
                operationContext =>
                {
                    var creation = (IObjectCreationOperation)operationContext.Operation;
                    if (!SymbolEqualityComparer.Default.Equals(creation.Constructor?.ContainingType, mlContext))
                    {
                        return;
                    }

                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter?.Name == "seed" && (argument.ArgumentKind == ArgumentKind.DefaultValue || IsNull(argument.Value)))
                        {
                            operationContext.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation()));
                        }
                    }
                },
                OperationKind.ObjectCreation);
        });
    }

    private static bool IsNull(IOperation value) =>
        value.ConstantValue is { HasValue: true, Value: null };
}
