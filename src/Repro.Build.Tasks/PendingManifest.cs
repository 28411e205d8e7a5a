using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Framework;
using Repro.Build.Manifest;

namespace Repro.Build.Tasks;

/// <summary>
/// A manifest being captured in the background, registered with the build engine until the write steps take it. The
/// capture starts before the build resolves its framework references; the first step that waits for it hands over
/// the targeting packs and completes it (pack names, fingerprint, serialization) once for every later caller. Even the
/// request is made on the background thread (locating the repository, mapping the task's inputs), so that the build's
/// own thread only copies the task's items and moves on.
/// </summary>
internal sealed class PendingManifest
{
    private readonly Func<ManifestRequest> _createRequest;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Repro.Build.Data.HashProgress _progress = new();
    private readonly object _completeGate = new();
    private Task<Captured>? _work;
    private (ManifestCollection, byte[], List<ReproDiagnostic>)? _completed;

    /// <param name="createRequest">Called once, on the capture's thread: it must not call the build engine.</param>
    public PendingManifest(Func<ManifestRequest> createRequest)
    {
        _createRequest = createRequest;
    }

    public static string KeyFor(string manifestPath) => "Repro.Build.PendingManifest|" + System.IO.Path.GetFullPath(manifestPath);

    /// <summary><c>@(ResolvedTargetingPack)</c> items (NuGetPackageId and NuGetPackageVersion metadata) as manifest entries.</summary>
    public static List<FrameworkReferenceEntry> ToTargetingPacks(ITaskItem[] items)
    {
        var packs = new List<FrameworkReferenceEntry>(items.Length);
        foreach (var item in items)
        {
            packs.Add(new FrameworkReferenceEntry
            {
                Name = item.ItemSpec,
                TargetingPack = NullIfEmpty(item.GetMetadata("NuGetPackageId")),
                TargetingPackVersion = NullIfEmpty(item.GetMetadata("NuGetPackageVersion")),
            });
        }

        return packs;
    }

    public void Start()
    {
        // A thread of its own, not a pool thread: it runs below normal priority (and so does the git it starts), which
        // cannot be undone on Linux; it takes the cores the build leaves idle, and all of them once the build waits.
        var done = new TaskCompletionSource<Captured>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                BackgroundPriority.LowerCurrentThread();
                done.SetResult(Capture());
            }
            catch (Exception ex)
            {
                done.SetException(ex); // Wait rethrows it
            }
        })
        {
            IsBackground = true,
            Name = "Repro.Build manifest capture",
        };
        _work = done.Task;
        thread.Start();
    }

    private Captured Capture()
    {
        var request = _createRequest();
        request.Cancellation = _cancellation.Token;
        request.GitOptions.Cancellation = _cancellation.Token;
        request.HashProgress = _progress;

        var diagnostics = new List<ReproDiagnostic>();
        var collection = ManifestCollector.Capture(request, diagnostics);

        // A trial completion without the packs while the build still resolves them: it loads and compiles the
        // fingerprint and serialization code here, off the path the build waits on. Wait completes it again.
        ManifestCollector.Complete(collection.Manifest, Array.Empty<FrameworkReferenceEntry>());
        ManifestSerializer.ToUtf8Bytes(collection.Manifest);
        EmbeddedManifestWriter.ToUtf8Bytes(collection.Manifest);
        return new Captured(collection, diagnostics);
    }

    /// <summary>Waits for the capture, calling <paramref name="stillWorking"/> every few seconds while data is being hashed.</summary>
    /// <exception cref="OperationCanceledException">The build was cancelled: the capture is stopped too.</exception>
    /// <exception cref="Exception">The capture failed unexpectedly (its own exception, not an AggregateException).</exception>
    public (ManifestCollection Collection, byte[] ManifestBytes, List<ReproDiagnostic> Diagnostics) Wait(
        IReadOnlyList<FrameworkReferenceEntry> targetingPacks, Action<Repro.Build.Data.HashProgress> stillWorking, CancellationToken cancellation)
    {
        var work = _work ?? throw new InvalidOperationException("The capture was never started.");
        try
        {
            while (!work.Wait((int)TimeSpan.FromSeconds(5).TotalMilliseconds, cancellation))
            {
                stillWorking(_progress);
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

        var captured = work.GetAwaiter().GetResult(); // the capture's own exception, if it failed
        lock (_completeGate)
        {
            if (_completed is null)
            {
                ManifestCollector.Complete(captured.Collection.Manifest, targetingPacks);
                _completed = (captured.Collection, ManifestSerializer.ToUtf8Bytes(captured.Collection.Manifest), captured.Diagnostics);
            }

            return _completed.Value;
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;

    // A class, not a tuple: Task<T> over a reference type shares the framework's precompiled code.
    private sealed class Captured
    {
        public Captured(ManifestCollection collection, List<ReproDiagnostic> diagnostics)
        {
            Collection = collection;
            Diagnostics = diagnostics;
        }

        public ManifestCollection Collection { get; }

        public List<ReproDiagnostic> Diagnostics { get; }
    }
}
