using System.Collections.Generic;

namespace Repro.Build.Manifest;

public sealed class DataEntry
{
    /// <summary>The item as declared (a file or folder path), or its <c>Group</c> name.</summary>
    [PartOf(ManifestPart.Both, Portable = true)]
    public string Name { get; set; } = "";

    /// <summary>SHA-256 over the sorted lines <c>path NUL sha256 LF</c> of its files: changes when any file, or the set of files, changes.</summary>
    [PartOf(ManifestPart.Both)]
    public string? Sha256 { get; set; }

    [PartOf(ManifestPart.Embedded)]
    public int FileCount { get; set; }

    [PartOf(ManifestPart.Embedded)]
    public long Size { get; set; }

    /// <summary>False when a declared file or folder does not exist (REPRO302).</summary>
    [PartOf(ManifestPart.None)]
    public bool Exists { get; set; } = true;

    [PartOf(ManifestPart.None)]
    public List<DataFileEntry> Files { get; set; } = [];
}
