namespace Repro.Tool.Services;

/// <summary>What <c>packages</c> found for one recorded package.</summary>
public sealed class PackageCheck
{
    public PackageCheck(string id, string version, PackageStatus status, string? source, string? recordedSha512, string? foundSha512, string? note = null)
    {
        Id = id;
        Version = version;
        Status = status;
        Source = source;
        RecordedSha512 = recordedSha512;
        FoundSha512 = foundSha512;
        Note = note;
    }

    public string Id { get; }

    public string Version { get; }

    public PackageStatus Status { get; }

    /// <summary>The source it was found in (credentials removed), or the global packages folder offline.</summary>
    public string? Source { get; }

    public string? RecordedSha512 { get; }

    /// <summary>NuGet's content hash of the package found (for a signed package, not the hash of the .nupkg file).</summary>
    public string? FoundSha512 { get; }

    public string? Note { get; }

    /// <summary>False when the source lists the version as unlisted; null when unknown.</summary>
    public bool? Listed { get; set; }

    /// <summary>The deprecation reasons and message, when the source says the version is deprecated.</summary>
    public string? Deprecation { get; set; }

    /// <summary>Known vulnerabilities: severity and advisory address.</summary>
    public List<string> Vulnerabilities { get; } = [];
}
