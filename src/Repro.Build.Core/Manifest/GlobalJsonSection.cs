namespace Repro.Build.Manifest;

public sealed class GlobalJsonSection
{
    /// <summary>The path relative to the project folder, with '/' separators.</summary>
    public string Path { get; set; } = "";

    public string Sha256 { get; set; } = "";

    /// <summary>The SDK version it asks for (<c>sdk.version</c>).</summary>
    public string? SdkVersion { get; set; }

    /// <summary>Its roll-forward policy (<c>sdk.rollForward</c>).</summary>
    public string? RollForward { get; set; }
}
