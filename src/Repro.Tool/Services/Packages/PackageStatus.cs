namespace Repro.Tool.Services;

public enum PackageStatus
{
    /// <summary>Found with the recorded content hash.</summary>
    Available,

    /// <summary>Found, but its content hash differs from the recorded one: not the package the build used.</summary>
    HashMismatch,

    /// <summary>No source has this id and version.</summary>
    Missing,

    /// <summary>Offline, and not in the global packages folder either: nothing could be checked.</summary>
    NotVerified,
}
