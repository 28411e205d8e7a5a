using System.Collections.Generic;

namespace Repro.Build.Manifest;

/// <summary>The build settings that change what the compiler produces.</summary>
public sealed class BuildSection
{
    [PartOf(ManifestPart.Both)]
    public string? Configuration { get; set; }

    [PartOf(ManifestPart.Both)]
    public string? Platform { get; set; }

    [PartOf(ManifestPart.Both)]
    public string? Optimize { get; set; }

    [PartOf(ManifestPart.Both)]
    public string? Deterministic { get; set; }

    [PartOf(ManifestPart.Both)]
    public string? DefineConstants { get; set; }

    [PartOf(ManifestPart.Both)]
    public string? RuntimeIdentifier { get; set; }

    [PartOf(ManifestPart.Both)]
    public string? LangVersion { get; set; }

    [PartOf(ManifestPart.Both)]
    public string? Nullable { get; set; }

    [PartOf(ManifestPart.Both)]
    public string? CheckForOverflowUnderflow { get; set; }

    /// <summary>The properties the project names with <c>ReproProperty</c> items, sorted by name.</summary>
    [PartOf(ManifestPart.Both)]
    public Dictionary<string, string> Properties { get; set; } = new(System.StringComparer.Ordinal);
}
