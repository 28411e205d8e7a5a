namespace Repro.Build.Manifest;

public sealed class OsInfo
{
    /// <summary>As .NET describes it, e.g. <c>Debian GNU/Linux 12 (bookworm)</c>.</summary>
    public string? Description { get; set; }

    /// <summary><c>linux</c>, <c>windows</c>, <c>osx</c> or <c>freebsd</c>.</summary>
    public string? Platform { get; set; }

    public string? KernelVersion { get; set; }

    /// <summary><c>x64</c>, <c>arm64</c>, …</summary>
    public string? Architecture { get; set; }
}
