namespace Repro.Tool.Services;

/// <summary>What <c>dotnet repro reproduce</c> was asked to do.</summary>
public sealed class ReproduceRequest
{
    public ReproduceRequest(string run, string runsDirectory, string? outputDirectory, IReadOnlyList<string>? command, MetricTolerance tolerance,
        TimeSpan timeout, bool strict)
    {
        Run = run;
        RunsDirectory = runsDirectory;
        OutputDirectory = outputDirectory;
        Command = command;
        Tolerance = tolerance;
        Timeout = timeout;
        Strict = strict;
    }

    /// <summary>The run: its id, a prefix of it, its folder or its run.json.</summary>
    public string Run { get; }

    /// <summary>The runs folder the run is looked up in and the reproduction is added to.</summary>
    public string RunsDirectory { get; }

    /// <summary>The folder for the new work tree; null for a new folder under the system's temporary folder.</summary>
    public string? OutputDirectory { get; }

    /// <summary>The command to run instead of the recorded one (after <c>--</c>), or null.</summary>
    public IReadOnlyList<string>? Command { get; }

    public MetricTolerance Tolerance { get; }

    public TimeSpan Timeout { get; }

    /// <summary>A toolchain or machine difference stops the reproduction before it builds (REPRO542).</summary>
    public bool Strict { get; }
}
