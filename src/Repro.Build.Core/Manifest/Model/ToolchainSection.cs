namespace Repro.Build.Manifest;

public sealed class ToolchainSection
{
    [PartOf(ManifestPart.Both)]
    public string? SdkVersion { get; set; }

    [PartOf(ManifestPart.Both)]
    public string? MsbuildVersion { get; set; }

    /// <summary>The version of the C# compiler (Roslyn) the build used.</summary>
    [PartOf(ManifestPart.Both)]
    public string? CompilerVersion { get; set; }

    /// <summary>The .NET runtime that ran the build (MSBuild's), e.g. <c>.NET 10.0.12</c>.</summary>
    [PartOf(ManifestPart.None)]
    public string? RuntimeVersion { get; set; }

    [PartOf(ManifestPart.None)]
    public GlobalJsonSection? GlobalJson { get; set; }
}
