using System.Collections.Generic;

namespace Repro.Build.Manifest;

public sealed class DependenciesSection
{
    /// <summary>Every package of the restored graph for the target framework, sorted by id (ordinal, ignoring case).</summary>
    public List<PackageEntry> Packages { get; set; } = new();

    /// <summary>The project's <c>packages.lock.json</c>; null when it has none.</summary>
    public LockFileSection? LockFile { get; set; }

    public List<FrameworkReferenceEntry> FrameworkReferences { get; set; } = new();
}
