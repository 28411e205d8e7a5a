namespace Repro.Build.Manifest;

/// <summary>What the build knows about the project; the collector adds what it reads from disk and the machine.</summary>
public sealed class ManifestRequest
{
    public string ProjectDirectory { get; set; } = "";

    public string? ProjectName { get; set; }

    public string? TargetFramework { get; set; }

    public string? TargetFrameworkMoniker { get; set; }

    public string? RuntimeIdentifier { get; set; }

    public string? Configuration { get; set; }

    public string? ProjectAssetsFile { get; set; }

    public string? SdkVersion { get; set; }

    public string? MsbuildVersion { get; set; }

    /// <summary>False leaves the git section null without a diagnostic (the user opted out).</summary>
    public bool RecordGit { get; set; } = true;
}
