namespace Repro.Runs.Generators.Tests;

/// <summary>The tests that start a run: <c>ReproRun.Current</c> is one per process, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class CurrentRunCollection
{
    public const string Name = "ReproRun.Current";
}
