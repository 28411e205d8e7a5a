namespace Repro.Build.Store;

/// <summary>The result of <see cref="LocalCache.AddFile"/>, <see cref="LocalCache.Add"/> or <see cref="LocalCache.Place"/>.</summary>
public sealed class CacheResult
{
    public CacheResult(CacheOutcome outcome, string sha256, long length = 0, string? actualSha256 = null, CacheLinkType? linkType = null)
    {
        Outcome = outcome;
        Sha256 = sha256;
        Length = length;
        ActualSha256 = actualSha256;
        LinkType = linkType;
    }

    public CacheOutcome Outcome { get; }

    /// <summary>The hash asked for.</summary>
    public string Sha256 { get; }

    /// <summary>The bytes read (added, or placed by a copy); 0 when nothing was read.</summary>
    public long Length { get; }

    /// <summary>The hash of what was read, when it differs from <see cref="Sha256"/> (<see cref="CacheOutcome.HashMismatch"/>).</summary>
    public string? ActualSha256 { get; }

    /// <summary>How the object was placed (<see cref="CacheOutcome.Placed"/>).</summary>
    public CacheLinkType? LinkType { get; }

    /// <summary>True when the cache holds the object (added now or before) or it was placed.</summary>
    public bool Succeeded => Outcome is CacheOutcome.Added or CacheOutcome.AlreadyPresent or CacheOutcome.Placed;
}
