using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO011: TorchSharp's <c>DataLoader(…, shuffle: true)</c> shuffles with its own <c>System.Random</c>, created from
/// the <c>seed</c> argument or, without one, unseeded — even after <c>torch.manual_seed</c>. The batch order then
/// differs on every run. Also checks classes derived from DataLoader, at the place they are created with
/// <c>shuffle: true</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DataLoaderShuffleAnalyzer : ReproAnalyzer
{
    private const string Title = "Seed shuffling DataLoaders";
    private const string Description =
        "TorchSharp's DataLoader shuffles with a System.Random of its own. Without the seed argument it is unseeded, independent of torch.manual_seed, and "
        + "every epoch's batches differ between runs.";

    /// <summary>A DataLoader given no seed: {0} is the DataLoader (or the derived class).</summary>
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnseededDataLoaderShuffle,
        Title,
        messageFormat:
            "'{0}(…, shuffle: true)' without 'seed:' shuffles with an unseeded System.Random (torch.manual_seed does not reach it), so the batch order differs "
            + "on every run; pass 'seed: 42' (or your seed)",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededDataLoaderShuffle));

    /// <summary>A class derived from DataLoader whose constructor takes no seed: {0} is the class.</summary>
    internal static readonly DiagnosticDescriptor NoSeedParameterRule = new(
        RuleIdentifiers.UnseededDataLoaderShuffle,
        Title,
        messageFormat:
            "'{0}(…, shuffle: true)' (a DataLoader whose constructor takes no seed) shuffles with an unseeded System.Random (torch.manual_seed does not reach "
            + "it), so the batch order differs on every run; give '{0}' a seed parameter and pass it to the base DataLoader",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededDataLoaderShuffle));

    /// <summary>Marks the findings the code fix can mend by adding a <c>seed:</c> argument.</summary>
    internal const string FixProperty = "Fix";

    private static readonly ImmutableDictionary<string, string?> AddSeed = ImmutableDictionary<string, string?>.Empty.Add(FixProperty, "add-seed");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, NoSeedParameterRule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext compilationContext, WellKnownTypes types)
    {
        var apis = types.TorchSharp;
        if (apis is null)
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
                if (method is null || !apis.IsDataLoader(method))
                {
                    return;
                }

                var shuffle = arguments.FirstOrDefault(a => a.Parameter?.Name == "shuffle");
                if (shuffle?.Value.ConstantValue is not { HasValue: true, Value: true })
                {
                    return;
                }

                var name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : "DataLoader";
                var seed = arguments.FirstOrDefault(a => a.Parameter?.Name == "seed");
                if (seed is not null)
                {
                    if (seed.ArgumentKind == ArgumentKind.DefaultValue || seed.Value.ConstantValue is { HasValue: true, Value: null })
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(Rule, operationContext.Operation.Syntax.GetLocation(), AddSeed, name));
                    }

                    return;
                }

                // A derived class whose constructor takes shuffle but no seed: unseeded unless its base(…) call passes one.
                if (method.MethodKind == MethodKind.Constructor && !PassesSeedToBase(method))
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(NoSeedParameterRule, operationContext.Operation.Syntax.GetLocation(), name));
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation);
    }

    /// <summary>True when the constructor's <c>base(…)</c> or <c>this(…)</c> call names a seed or passes it by position.</summary>
    private static bool PassesSeedToBase(IMethodSymbol constructor)
    {
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not ConstructorDeclarationSyntax { Initializer: { } initializer })
            {
                return true; // declared elsewhere (metadata, primary constructor): assume the author passed it
            }

            var arguments = initializer.ArgumentList.Arguments;
            // DataLoader(dataset, batchSize, [collate_fn,] shuffle, device, seed, …): a seed by position is the 5th or later argument.
            if (arguments.Any(a => a.NameColon?.Name.Identifier.Text == "seed") || arguments.Count(a => a.NameColon is null) >= 5)
            {
                return true;
            }
        }

        return constructor.DeclaringSyntaxReferences.IsEmpty;
    }
}
