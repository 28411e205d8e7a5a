namespace Repro.Tool.Services;

/// <summary>A request to stop a check (a signal to the tool): which signal, and a token that is cancelled by it.</summary>
public sealed class CheckStop : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    /// <summary>The signal that stopped the check (<c>SIGTERM</c>, <c>SIGINT</c>, …), or null while it runs.</summary>
    public string? Signal { get; private set; }

    public CancellationToken Token => _source.Token;

    public void Request(string signal)
    {
        Signal ??= signal;
        _source.Cancel();
    }

    public void Dispose() => _source.Dispose();
}
