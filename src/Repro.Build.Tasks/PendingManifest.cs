using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Repro.Build.Manifest;

namespace Repro.Build.Tasks;

/// <summary>A manifest being captured in the background, registered with the build engine until the write step takes it.</summary>
internal sealed class PendingManifest
{
    private readonly ManifestRequest _request;
    private readonly CancellationTokenSource _cancellation = new();
    private Task<(ManifestCollection, byte[], List<ReproDiagnostic>)>? _work;

    public PendingManifest(ManifestRequest request)
    {
        _request = request;
        _request.Cancellation = _cancellation.Token;
        _request.GitOptions.Cancellation = _cancellation.Token;
    }

    public static string KeyFor(string manifestPath) => "Repro.Build.PendingManifest|" + System.IO.Path.GetFullPath(manifestPath);

    public void Start()
    {
        _work = Task.Run(() =>
        {
            var diagnostics = new List<ReproDiagnostic>();
            var collection = ManifestCollector.Collect(_request, diagnostics);
            return (collection, ManifestSerializer.ToUtf8Bytes(collection.Manifest), diagnostics);
        });
    }

    /// <summary>Waits for the capture, calling <paramref name="stillWorking"/> every few seconds while data is being hashed.</summary>
    /// <exception cref="OperationCanceledException">The build was cancelled: the capture is stopped too.</exception>
    /// <exception cref="Exception">The capture failed unexpectedly (its own exception, not an AggregateException).</exception>
    public (ManifestCollection Collection, byte[] ManifestBytes, List<ReproDiagnostic> Diagnostics) Wait(Action<Repro.Build.Data.HashProgress> stillWorking, CancellationToken cancellation)
    {
        var work = _work ?? throw new InvalidOperationException("The capture was never started.");
        try
        {
            while (!work.Wait((int)TimeSpan.FromSeconds(5).TotalMilliseconds, cancellation))
            {
                stillWorking(_request.HashProgress);
            }
        }
        catch (OperationCanceledException)
        {
            _cancellation.Cancel();
            throw;
        }
        catch (AggregateException)
        {
            // Rethrown below as the capture's own exception.
        }

        return work.GetAwaiter().GetResult();
    }
}
