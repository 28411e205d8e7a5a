namespace Repro.Tool.Services;

/// <summary>What went wrong with a remote, by what the user does about it.</summary>
internal enum RemoteFailure
{
    /// <summary>The server could not be reached, or went away: retried, then reported.</summary>
    Unreachable,

    /// <summary>No credentials, wrong ones, or not allowed.</summary>
    Authentication,

    /// <summary>The bucket, container or folder does not exist.</summary>
    ContainerMissing,

    /// <summary>The object is not on the remote.</summary>
    ObjectMissing,

    /// <summary>A failure the server says may pass (throttling, a 5xx): retried, then reported as unreachable.</summary>
    Transient,
}
