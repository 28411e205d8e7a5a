using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Repro.Build.Manifest;

namespace Repro.Build.Tasks;

/// <summary>A manifest being captured in the background, registered with the build engine until the write step takes it.</summary>
internal sealed class PendingManifest
{
    private readonly ManifestRequest _request;
    private Task<(ManifestCollection, byte[], List<ReproDiagnostic>)>? _work;

    public PendingManifest(ManifestRequest request)
    {
        _request = request;
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
    /// <exception cref="AggregateException">The capture failed unexpectedly.</exception>
    public (ManifestCollection Collection, byte[] ManifestBytes, List<ReproDiagnostic> Diagnostics) Wait(Action<Repro.Build.Data.HashProgress> stillWorking)
    {
        var work = _work ?? throw new InvalidOperationException("The capture was never started.");
        while (!work.Wait(TimeSpan.FromSeconds(5)))
        {
            stillWorking(_request.HashProgress);
        }

        return work.GetAwaiter().GetResult();
    }
}
