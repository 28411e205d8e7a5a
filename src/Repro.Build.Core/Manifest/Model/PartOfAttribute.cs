using System;

namespace Repro.Build.Manifest;

/// <summary>
/// Classifies a manifest field: every public property of the model carries one (a test enforces it), and the
/// fingerprint and the embedded manifest are projections of the model by these marks (<see cref="ManifestProjection"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class PartOfAttribute : Attribute
{
    public PartOfAttribute(ManifestPart parts)
    {
        Parts = parts;
    }

    public ManifestPart Parts { get; }

    /// <summary>A path that may be absolute: projections keep only <c>&lt;outside&gt;/&lt;file name&gt;</c> of an absolute one.</summary>
    public bool Portable { get; set; }
}
