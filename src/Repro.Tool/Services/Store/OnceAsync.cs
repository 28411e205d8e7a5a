namespace Repro.Tool.Services;

/// <summary>
/// Work done once, before the first request of a remote, by whichever caller comes first (the others wait); a failure
/// is not remembered, so the next caller tries again.
/// </summary>
internal sealed class OnceAsync : IDisposable
{
    private readonly Func<CancellationToken, Task> _work;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _done;

    public OnceAsync(Func<CancellationToken, Task> work)
    {
        _work = work;
    }

    public async Task RunAsync(CancellationToken cancellation)
    {
        if (Volatile.Read(ref _done))
        {
            return;
        }

        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await _work(cancellation).ConfigureAwait(false);
                Volatile.Write(ref _done, true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
