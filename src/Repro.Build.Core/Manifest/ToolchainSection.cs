namespace Repro.Build.Manifest;

public sealed class ToolchainSection
{
    public string? SdkVersion { get; set; }

    public string? MsbuildVersion { get; set; }

    /// <summary>The version of the C# compiler (Roslyn) the build used.</summary>
    public string? CompilerVersion { get; set; }

    /// <summary>The .NET runtime that ran the build (MSBuild's), e.g. <c>.NET 10.0.12</c>.</summary>
    public string? RuntimeVersion { get; set; }

    public GlobalJsonSection? GlobalJson { get; set; }
}
