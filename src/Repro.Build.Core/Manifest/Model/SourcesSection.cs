using System.Collections.Generic;

namespace Repro.Build.Manifest;

/// <summary>The project's own source files (Compile items outside obj/).</summary>
public sealed class SourcesSection
{
    [PartOf(ManifestPart.Embedded)]
    public int Count { get; set; }

    /// <summary>SHA-256 over the sorted lines <c>path NUL sha256 LF</c> of the files.</summary>
    [PartOf(ManifestPart.Both)]
    public string? Sha256 { get; set; }

    [PartOf(ManifestPart.None)]
    public List<SourceFileEntry> Files { get; set; } = [];
}
