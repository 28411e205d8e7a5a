namespace Repro.Tool.Services;

/// <summary>
/// Which objects a remote holds, in as few requests as it takes: one listing when many are asked for (a listing page
/// answers for a thousand keys), else one request per object, 16 at a time. An object counts only with the size
/// expected: a shorter one is what a server that is not atomic keeps of a killed upload, and is sent again. An expected size
/// below zero (a file of a folder's listing, whose size the listing does not give) accepts any size.
/// </summary>
internal static class BatchedExistence
{
    public const int ListThreshold = 256;
    private const int RequestsInParallel = 16;

    public static async Task<ISet<string>> FindAsync(
        IReadOnlyDictionary<string, long> expected,
        Func<CancellationToken, IAsyncEnumerable<RemoteObject>> list,
        Func<string, CancellationToken, Task<long?>> sizeOf,
        CancellationToken cancellation)
    {
        ISet<string> found = new HashSet<string>(StringComparer.Ordinal);
        if (expected.Count >= ListThreshold)
        {
            await foreach (var item in list(cancellation).ConfigureAwait(false))
            {
                if (expected.TryGetValue(item.Sha256, out var size) && (size < 0 || size == item.Size))
                {
                    found.Add(item.Sha256);
                }
            }

            return found;
        }

        using var gate = new SemaphoreSlim(RequestsInParallel);
        var checks = expected.Select(async pair =>
        {
            await gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                var size = await sizeOf(pair.Key, cancellation).ConfigureAwait(false);
                return (pair.Key, Present: size is not null && (pair.Value < 0 || size == pair.Value));
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        foreach (var (hash, present) in await Task.WhenAll(checks).ConfigureAwait(false))
        {
            if (present)
            {
                found.Add(hash);
            }
        }

        return found;
    }
}
