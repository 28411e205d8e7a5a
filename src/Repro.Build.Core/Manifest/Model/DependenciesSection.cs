using System.Collections.Generic;

namespace Repro.Build.Manifest;

public sealed class DependenciesSection
{
    /// <summary>Every package of the restored graph for the target framework, sorted by id (ordinal, ignoring case).</summary>
    [PartOf(ManifestPart.Both)]
    public List<PackageEntry> Packages { get; set; } = [];

    /// <summary>The project's <c>packages.lock.json</c>; null when it has none.</summary>
    [PartOf(ManifestPart.None)]
    public LockFileSection? LockFile { get; set; }

    [PartOf(ManifestPart.Both)]
    public List<FrameworkReferenceEntry> FrameworkReferences { get; set; } = [];
}
