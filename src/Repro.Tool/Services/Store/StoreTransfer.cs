using Repro.Build.Store;

namespace Repro.Tool.Services;

/// <summary>
/// Moves objects between the local cache and a remote, as rclone and DVC do: one batched existence check, then only
/// what is missing, <c>jobs</c> transfers at a time, each streamed (memory does not grow with file size) and retried
/// with backoff on transient failures. Every downloaded object is hashed as it is written into a temporary file of the
/// cache and renamed in only when its hash is its name; a re-run after an interruption sends only what is still missing.
/// </summary>
internal sealed class StoreTransfer
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    private readonly LocalCache _cache;
    private readonly IObjectRemote _remote;
    private readonly int _jobs;
    private readonly TransferProgress _progress;

    public StoreTransfer(LocalCache cache, IObjectRemote remote, int jobs, TransferProgress? progress = null)
    {
        _cache = cache;
        _remote = remote;
        _jobs = Math.Max(1, jobs);
        _progress = progress ?? new TransferProgress();
    }

    /// <summary>Retries of a transient failure before it is reported.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>Sends the objects of the cache that the remote does not have.</summary>
    /// <exception cref="RemoteException">The remote failed in a way retrying did not mend (credentials, a missing bucket, gone).</exception>
    public async Task<TransferResult> PushAsync(IEnumerable<StoreObject> objects, CancellationToken cancellation = default)
    {
        var result = new TransferResult();
        var candidates = new List<StoreObject>();
        foreach (var item in Distinct(objects))
        {
            (_cache.Contains(item.Sha256) ? candidates : result.Missing).Add(item);
        }

        var expected = candidates.ToDictionary(o => o.Sha256, o => o.Size, StringComparer.Ordinal);
        var existing = await WithRetries(() => _remote.ExistingAsync(expected, cancellation), cancellation).ConfigureAwait(false);
        var send = new List<StoreObject>();
        foreach (var item in candidates)
        {
            (existing.Contains(item.Sha256) ? result.AlreadyThere : send).Add(item);
        }

        _progress.AddTotal(send.Sum(o => o.Size));
        await Parallel.ForEachAsync(send, new ParallelOptions { MaxDegreeOfParallelism = _jobs, CancellationToken = cancellation }, async (item, token) =>
        {
            await WithRetries(async () =>
            {
                await _remote.UploadAsync(item.Sha256, _cache.ObjectPath(item.Sha256), token).ConfigureAwait(false);
                return true;
            }, token).ConfigureAwait(false);
            _progress.Done(Math.Max(0, item.Size));
            lock (result)
            {
                result.Transferred.Add(item);
                result.BytesTransferred += item.Size;
            }
        }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Fetches into the cache the objects it does not have, each verified before it is renamed into place.</summary>
    /// <exception cref="RemoteException">The remote failed in a way retrying did not mend.</exception>
    public async Task<TransferResult> PullAsync(IEnumerable<StoreObject> objects, CancellationToken cancellation = default)
    {
        var result = new TransferResult();
        var wanted = new List<StoreObject>();
        foreach (var item in Distinct(objects))
        {
            (_cache.Contains(item.Sha256) ? result.AlreadyThere : wanted).Add(item);
        }

        var expected = wanted.ToDictionary(o => o.Sha256, o => o.Size, StringComparer.Ordinal);
        var existing = wanted.Count == 0
            ? new HashSet<string>()
            : await WithRetries(() => _remote.ExistingAsync(expected, cancellation), cancellation).ConfigureAwait(false);
        var fetch = new List<StoreObject>();
        foreach (var item in wanted)
        {
            (existing.Contains(item.Sha256) ? fetch : result.Missing).Add(item);
        }

        _progress.AddTotal(fetch.Sum(o => Math.Max(0, o.Size)));
        await Parallel.ForEachAsync(fetch, new ParallelOptions { MaxDegreeOfParallelism = _jobs, CancellationToken = cancellation }, async (item, token) =>
        {
            var added = await WithRetries(async () =>
            {
                try
                {
                    return await _cache.AddAsync(item.Sha256, (stream, t) => _remote.DownloadAsync(item.Sha256, stream, item.Bound, t), item.Bound, token)
                        .ConfigureAwait(false);
                }
                catch (InvalidDataException)
                {
                    // The remote sent more than the object's recorded size: not the object.
                    return new CacheResult(CacheOutcome.TooLarge, item.Sha256, item.Bound);
                }
            }, token).ConfigureAwait(false);
            _progress.Done(Math.Max(0, item.Size));
            lock (result)
            {
                if (added.Succeeded)
                {
                    result.Transferred.Add(item);
                    result.BytesTransferred += added.Length;
                }
                else if (added.Outcome == CacheOutcome.Missing)
                {
                    result.Missing.Add(item);
                }
                else
                {
                    result.Corrupt.Add((item, added.ActualSha256 ?? $"more than {item.Bound} bytes"));
                }
            }
        }).ConfigureAwait(false);
        return result;
    }

    private static IEnumerable<StoreObject> Distinct(IEnumerable<StoreObject> objects)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in objects)
        {
            if (seen.Add(ContentHash.Require(item.Sha256)))
            {
                yield return item;
            }
        }
    }

    private async Task<T> WithRetries<T>(Func<Task<T>> operation, CancellationToken cancellation)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await operation().ConfigureAwait(false);
            }
            catch (RemoteException ex) when (ex.IsTransient && attempt < Retries)
            {
                await Task.Delay(delay, cancellation).ConfigureAwait(false);
                delay += delay;
            }
        }
    }
}
