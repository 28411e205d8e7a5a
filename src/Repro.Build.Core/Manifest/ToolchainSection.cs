namespace Repro.Build.Manifest;

public sealed class ToolchainSection
{
    public string? SdkVersion { get; set; }

    public string? MsbuildVersion { get; set; }
}
