namespace Repro.Build.Analyzers;

/// <summary>The IDs of all analyzer rules (REPRO001–REPRO099). Each has a page at docs/rules/ID.md.</summary>
internal static class RuleIdentifiers
{
    public const string UnseededRandom = "REPRO001";
    public const string SharedRandom = "REPRO002";
    public const string ClockSeed = "REPRO003";
    public const string UnseededMLContext = "REPRO004";
    public const string RandomOrdering = "REPRO005";
    public const string RandomizedStringHash = "REPRO006";
    public const string UnorderedDirectoryListing = "REPRO007";
    public const string ParallelNondeterminism = "REPRO008";
    public const string UnseededMathNet = "REPRO009";
    public const string UnseededTorch = "REPRO010";
    public const string UnseededDataLoaderShuffle = "REPRO011";
    public const string UnseedableTransform = "REPRO012";
    public const string ParallelDataLoaderAugmentation = "REPRO013";
    public const string MultithreadedTrainer = "REPRO014";

    public static string GetHelpUri(string id) => $"https://github.com/repro-build/Repro.Build/blob/main/docs/rules/{id}.md";
}
