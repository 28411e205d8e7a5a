using System;

namespace Repro.Build.Manifest;

/// <summary>Where a manifest field goes besides the manifest file itself.</summary>
[Flags]
public enum ManifestPart
{
    /// <summary>Only the manifest file: descriptive, or varies from machine to machine or clone to clone.</summary>
    None = 0,

    /// <summary>An input that decides the model: part of <see cref="ReproManifest.Fingerprint"/>.</summary>
    Fingerprint = 1,

    /// <summary>Part of the deterministic manifest embedded in the assembly (<c>Repro.Manifest.json</c>).</summary>
    Embedded = 2,

    Both = Fingerprint | Embedded,
}
