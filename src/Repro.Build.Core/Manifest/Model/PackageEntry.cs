namespace Repro.Build.Manifest;

public sealed class PackageEntry
{
    [PartOf(ManifestPart.Both)]
    public string Id { get; set; } = "";

    [PartOf(ManifestPart.Both)]
    public string Version { get; set; } = "";

    /// <summary>The base64 SHA-512 of the .nupkg that NuGet recorded at restore (the lock file's contentHash).</summary>
    [PartOf(ManifestPart.Both)]
    public string? Sha512 { get; set; }

    /// <summary>True when the project references the package itself (including SDK-implicit references).</summary>
    [PartOf(ManifestPart.None)]
    public bool Direct { get; set; }

    /// <summary>The feed the package was downloaded from, without credentials; null when NuGet did not record it.</summary>
    [PartOf(ManifestPart.None)]
    public string? Source { get; set; }
}
