using Repro.Build.Manifest;

namespace Repro.Tool.Services;

/// <summary>What <c>rebuild</c> did and found: the sources it gave back, the build, and the comparison.</summary>
public sealed class RebuildResult
{
    public RebuildResult(string outputDirectory, string projectFile, bool patchApplied, bool buildSucceeded, string buildLog, ReproManifest? rebuilt,
        ManifestDifference? difference, bool? sameAssembly, string? assemblyNote, IReadOnlyList<SubmoduleState> submodules)
    {
        Submodules = submodules;
        OutputDirectory = outputDirectory;
        ProjectFile = projectFile;
        PatchApplied = patchApplied;
        BuildSucceeded = buildSucceeded;
        BuildLog = buildLog;
        Rebuilt = rebuilt;
        Difference = difference;
        SameAssembly = sameAssembly;
        AssemblyNote = assemblyNote;
    }

    public string OutputDirectory { get; }

    public string ProjectFile { get; }

    public bool PatchApplied { get; }

    public bool BuildSucceeded { get; }

    /// <summary>The end of the build's output, for a failed build.</summary>
    public string BuildLog { get; }

    public ReproManifest? Rebuilt { get; }

    public ManifestDifference? Difference { get; }

    /// <summary>True when the rebuilt assembly has the recorded assembly's bytes; null when the recorded one is not at hand.</summary>
    public bool? SameAssembly { get; }

    public string? AssemblyNote { get; }

    /// <summary>Each submodule of the commit: the commit it was given back at, and whether that is the recorded one.</summary>
    public IReadOnlyList<SubmoduleState> Submodules { get; }

    public bool SameFingerprint => Difference is not null && Difference.FingerprintBefore == Difference.FingerprintAfter;

    public IReadOnlyList<string> InputsChanged => Difference?.FingerprintInputsChanged ?? [];
}
