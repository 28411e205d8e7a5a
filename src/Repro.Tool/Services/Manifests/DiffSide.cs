using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>One side of a diff as reports name it: the file read and what it is (<c>file</c>, <c>assembly</c>, <c>run</c>).</summary>
public sealed class DiffSide
{
    public DiffSide(string source, string origin)
    {
        Source = source;
        Origin = origin;
    }

    public string Source { get; }

    public string Origin { get; }

    public static DiffSide Of(LoadedManifest manifest) => new(manifest.Path, manifest.OriginName);

    public static DiffSide Of(LoadedRun run) => new(run.Path, "run");
}
