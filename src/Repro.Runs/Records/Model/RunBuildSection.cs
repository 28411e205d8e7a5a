using System.Text.Json;

namespace Repro.Runs.Records;

/// <summary>The build a run came from: the manifest embedded in the assembly by Repro.Build.</summary>
public sealed class RunBuildSection
{
    /// <summary>The simple name of the assembly whose manifest this is (the entry assembly by default).</summary>
    public string Assembly { get; set; } = "";

    /// <summary>The build's fingerprint (the manifest's), which identifies its inputs.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>The git commit the build was made from.</summary>
    public string? Commit { get; set; }

    /// <summary>The branch the build was made on (from the manifest file beside the assembly); null when detached or unknown.</summary>
    public string? Branch { get; set; }

    /// <summary>Whether the build's work tree had uncommitted changes.</summary>
    public bool? Dirty { get; set; }

    /// <summary>SHA-256 of the build's patch of uncommitted changes, when dirty.</summary>
    public string? PatchSha256 { get; set; }

    /// <summary>
    /// The name of the build's patch copied into the run's folder (<c>build.patch</c>), so that it travels with the run;
    /// null when the build was clean or its patch was not beside the assembly.
    /// </summary>
    public string? Patch { get; set; }

    /// <summary>The seed the build declared (ReproSeed), if any.</summary>
    public string? Seed { get; set; }

    /// <summary>The embedded manifest as it is in the assembly (docs/manifest.md, "In the assembly").</summary>
    public JsonElement? Manifest { get; set; }
}
