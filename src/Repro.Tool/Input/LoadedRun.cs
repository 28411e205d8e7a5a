using Repro.Build.Runs;

namespace Repro.Tool.Input;

/// <summary>A run record (<c>run.json</c>, written by Repro.Runs) and where it was read from.</summary>
public sealed class LoadedRun
{
    public LoadedRun(RunRecord record, string path)
    {
        Record = record;
        Path = path;
    }

    public RunRecord Record { get; }

    /// <summary>The full path of the run.json read.</summary>
    public string Path { get; }
}
