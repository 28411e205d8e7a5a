namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO012: some TorchVision transforms (<c>RandomResizedCrop</c>, <c>RandomRotation</c>, <c>RandomPerspective</c>,
/// <c>RandomOrder</c>) create their own <c>System.Random</c> without a seed. <c>torch.manual_seed</c> does not reach
/// it and the transforms take no generator, so the augmented images differ on every run however the program is seeded.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseedableTransformAnalyzer : ReproAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnseedableTransform,
        title: "TorchVision transform draws from an unseeded System.Random",
        messageFormat:
            "'torchvision.transforms.{0}' draws from a System.Random it creates without a seed, which torch.manual_seed does not reach, so the augmentation "
            + "differs on every run; write the transform with a seeded generator (torch.Generator or new Random(seed)) instead",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "TorchVision's RandomResizedCrop, RandomRotation, RandomPerspective and RandomOrder create an unseeded System.Random inside. No seed reaches it "
            + "and they accept no generator, so the augmented training images change from run to run.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseedableTransform));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext compilationContext, WellKnownTypes types)
    {
        var apis = types.TorchSharp;
        if (apis is not { HasTorchVision: true })
        {
            return; // TorchVision is not referenced
        }

        compilationContext.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                if (apis.IsInternalGeneratorTransform(invocation.TargetMethod))
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name));
                }
            },
            OperationKind.Invocation);
    }
}
