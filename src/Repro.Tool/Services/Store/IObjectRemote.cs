namespace Repro.Tool.Services;

/// <summary>
/// A remote of the store as DVC sees one: a dumb key-value store of objects named by their SHA-256
/// (<c>&lt;prefix&gt;/files/sha256/ab/cdef…</c>). Implementations throw <see cref="RemoteException"/> for every failure
/// the user can act on (credentials, a missing bucket, a server that went away), never an SDK's exception.
/// </summary>
internal interface IObjectRemote : IDisposable
{
    /// <summary>The remote as messages name it: its name and URL.</summary>
    string Description { get; }

    /// <summary>
    /// Which of the objects the remote holds with the size expected (hash to size), checked in batches: a listing when
    /// there are many (<see cref="BatchedExistence"/>).
    /// </summary>
    Task<ISet<string>> ExistingAsync(IReadOnlyDictionary<string, long> expected, CancellationToken cancellation);

    /// <summary>
    /// Sends a file under its hash. An object becomes visible only whole (a temporary name renamed, a single PUT, or a
    /// multipart upload completed), so an interrupted upload never leaves a partial object under its hash.
    /// </summary>
    Task UploadAsync(string sha256, string file, CancellationToken cancellation);

    /// <summary>Writes the object into <paramref name="destination"/>; more than <paramref name="maxBytes"/> fails.</summary>
    Task DownloadAsync(string sha256, Stream destination, long maxBytes, CancellationToken cancellation);

    /// <summary>Every object the remote holds, with its size (keys that are not an object's are skipped).</summary>
    IAsyncEnumerable<RemoteObject> ListAsync(CancellationToken cancellation);

    Task DeleteAsync(string sha256, CancellationToken cancellation);
}
