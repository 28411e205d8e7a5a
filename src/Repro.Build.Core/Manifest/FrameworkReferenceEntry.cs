namespace Repro.Build.Manifest;

public sealed class FrameworkReferenceEntry
{
    /// <summary>The shared framework, e.g. <c>Microsoft.NETCore.App</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The targeting pack compiled against, e.g. <c>Microsoft.NETCore.App.Ref</c>.</summary>
    public string? TargetingPack { get; set; }

    public string? TargetingPackVersion { get; set; }
}
