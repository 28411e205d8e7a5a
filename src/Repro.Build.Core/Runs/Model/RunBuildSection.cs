using System.Text.Json;

namespace Repro.Build.Runs;

/// <summary>The build a run came from: the manifest embedded in the assembly by Repro.Build.</summary>
public sealed class RunBuildSection
{
    /// <summary>The simple name of the assembly whose manifest this is (the entry assembly by default).</summary>
    public string Assembly { get; set; } = "";

    public string? Fingerprint { get; set; }

    public string? Commit { get; set; }

    /// <summary>The branch the build was made on (from the manifest file beside the assembly); null when detached or unknown.</summary>
    public string? Branch { get; set; }

    public bool? Dirty { get; set; }

    public string? PatchSha256 { get; set; }

    /// <summary>
    /// The name of the build's patch copied into the run's folder (<c>build.patch</c>), so that it travels with the run;
    /// null when the build was clean or its patch was not beside the assembly.
    /// </summary>
    public string? Patch { get; set; }

    public string? Seed { get; set; }

    /// <summary>The embedded manifest as it is in the assembly (docs/manifest.md, "In the assembly").</summary>
    public JsonElement? Manifest { get; set; }
}
