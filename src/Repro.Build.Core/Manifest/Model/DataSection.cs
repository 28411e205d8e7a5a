using System.Collections.Generic;

namespace Repro.Build.Manifest;

public sealed class DataSection
{
    /// <summary>One entry per declared <c>ReproData</c> item (or per <c>Group</c>), sorted by name.</summary>
    [PartOf(ManifestPart.Both)]
    public List<DataEntry> Items { get; set; } = [];
}
