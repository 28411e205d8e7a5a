using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// A <c>dotnet build</c> of sources given back: whether it succeeded, its output, the manifest it wrote and how that
/// differs from the recorded one.
/// </summary>
public sealed class RebuildBuild
{
    public RebuildBuild(bool succeeded, string log, LoadedManifest? rebuilt, ManifestDifference? difference)
    {
        Succeeded = succeeded;
        Log = log;
        Rebuilt = rebuilt;
        Difference = difference;
    }

    public bool Succeeded { get; }

    /// <summary>The build's output: its end when it failed.</summary>
    public string Log { get; }

    public LoadedManifest? Rebuilt { get; }

    public ManifestDifference? Difference { get; }

    public bool SameFingerprint => Difference is not null && Difference.FingerprintBefore == Difference.FingerprintAfter;
}
