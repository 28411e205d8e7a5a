namespace Repro.Build.Manifest;

public sealed class OsInfo
{
    /// <summary>As .NET describes it, e.g. <c>Debian GNU/Linux 12 (bookworm)</c>.</summary>
    [PartOf(ManifestPart.None)]
    public string? Description { get; set; }

    /// <summary><c>linux</c>, <c>windows</c>, <c>osx</c> or <c>freebsd</c>.</summary>
    [PartOf(ManifestPart.None)]
    public string? Platform { get; set; }

    [PartOf(ManifestPart.None)]
    public string? KernelVersion { get; set; }

    /// <summary><c>x64</c>, <c>arm64</c>, …</summary>
    [PartOf(ManifestPart.None)]
    public string? Architecture { get; set; }
}
