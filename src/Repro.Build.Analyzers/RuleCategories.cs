namespace Repro.Build.Analyzers;

internal static class RuleCategories
{
    public const string Reproducibility = "Reproducibility";
}
