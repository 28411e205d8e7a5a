namespace Repro.Build.Manifest;

/// <summary>A collected manifest and the patch that goes beside it (null when the tree is clean or unknown).</summary>
public sealed class ManifestCollection
{
    public ManifestCollection(ReproManifest manifest, byte[]? patch)
    {
        Manifest = manifest;
        Patch = patch;
    }

    public ReproManifest Manifest { get; }

    public byte[]? Patch { get; }
}
