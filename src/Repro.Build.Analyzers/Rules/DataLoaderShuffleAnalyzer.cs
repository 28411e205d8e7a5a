using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO011: TorchSharp's <c>DataLoader(…, shuffle: true)</c> shuffles with its own <c>System.Random</c>, created from
/// the <c>seed</c> argument or, without one, unseeded — even after <c>torch.manual_seed</c>. The batch order then
/// differs on every run.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DataLoaderShuffleAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnseededDataLoaderShuffle,
        title: "Seed shuffling DataLoaders",
        messageFormat: "'DataLoader(…, shuffle: true)' without 'seed:' shuffles with an unseeded System.Random (torch.manual_seed does not reach it), so the batch order differs on every run; pass 'seed: 42' (or your seed)",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "TorchSharp's DataLoader shuffles with a System.Random of its own. Without the seed argument it is unseeded, independent of torch.manual_seed, and every epoch's batches differ between runs.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededDataLoaderShuffle));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            if (compilationContext.Compilation.GetTypeByMetadataName("TorchSharp.torch") is null)
            {
                return;
            }

            compilationContext.RegisterOperationAction(
                operationContext =>
                {
                    var (method, arguments) = operationContext.Operation switch
                    {
                        IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                        IObjectCreationOperation creation when creation.Constructor is { } constructor => (constructor, creation.Arguments),
                        _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                    };
                    if (method is null || !IsDataLoader(method))
                    {
                        return;
                    }

                    var shuffle = arguments.FirstOrDefault(a => a.Parameter?.Name == "shuffle");
                    var seed = arguments.FirstOrDefault(a => a.Parameter?.Name == "seed");
                    if (shuffle?.Value.ConstantValue is { HasValue: true, Value: true }
                        && seed is not null
                        && (seed.ArgumentKind == ArgumentKind.DefaultValue || seed.Value.ConstantValue is { HasValue: true, Value: null }))
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(Rule, operationContext.Operation.Syntax.GetLocation()));
                    }
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        });
    }

    private static bool IsDataLoader(IMethodSymbol method) =>
        method.ContainingNamespace?.ToDisplayString().StartsWith("TorchSharp", System.StringComparison.Ordinal) == true
        && (method.Name == "DataLoader" || (method.MethodKind == MethodKind.Constructor && method.ContainingType.Name is "DataLoader" or "IterableDataLoader"));
}
