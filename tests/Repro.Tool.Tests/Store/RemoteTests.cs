using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Repro.Build.Core.Tests;
using Repro.Build.IO;
using Repro.Build.Store;
using Repro.Tool.Services;

namespace Repro.Tool.Tests.Store;

/// <summary>Push and pull through each kind of remote, against real servers (Azurite, s3rver) and a real folder.</summary>
[Collection(StoreServersCollection.Name)]
public sealed class RemoteTests : IDisposable
{
    private readonly StoreServers _servers;
    private readonly TemporaryDirectory _temp = new();

    public RemoteTests(StoreServers servers)
    {
        _servers = servers;
    }

    public static TheoryData<string> Kinds() => ["folder", "s3", "azure"];

    public static TheoryData<string> ServerKinds() => ["s3", "azure"];

    [ServerTheory]
    [MemberData(nameof(Kinds))]
    public async Task Push_then_pull_into_an_empty_cache_gives_byte_identical_files(string kind)
    {
        using var remote = TestRemote.Create(_servers, kind, _temp.Path);
        var (cache, objects) = Fill("a", new[] { 0, 1, 4096, 100_000, 3 << 20 });

        var pushed = await new StoreTransfer(cache, remote.Remote, jobs: 4).PushAsync(objects);
        Assert.Equal(objects.Count, pushed.Transferred.Count);
        Assert.Equal(objects.Sum(o => o.Size), pushed.BytesTransferred);

        var empty = new LocalCache(_temp.Combine("cache-b"));
        var pulled = await new StoreTransfer(empty, remote.Remote, jobs: 4).PullAsync(objects);

        Assert.Equal(objects.Count, pulled.Transferred.Count);
        Assert.Empty(pulled.Corrupt);
        Assert.Empty(pulled.Missing);
        foreach (var item in objects)
        {
            var placed = _temp.Combine("work", item.Sha256);
            Assert.Equal(CacheOutcome.Placed, empty.Place(item.Sha256, placed).Outcome);
            Assert.Equal(File.ReadAllBytes(item.Path), File.ReadAllBytes(placed));
        }

        var listed = new List<RemoteObject>();
        await foreach (var item in remote.Remote.ListAsync(CancellationToken.None))
        {
            listed.Add(item);
        }

        Assert.Equal(objects.Select(o => new RemoteObject(o.Sha256, o.Size)).OrderBy(o => o.Sha256, StringComparer.Ordinal), listed.OrderBy(o => o.Sha256, StringComparer.Ordinal));
    }

    [ServerTheory]
    [MemberData(nameof(Kinds))]
    public async Task An_object_already_on_the_remote_is_not_sent_again(string kind)
    {
        using var remote = TestRemote.Create(_servers, kind, _temp.Path);
        var (cache, objects) = Fill("a", new[] { 10, 20, 30 });
        await new StoreTransfer(cache, remote.Remote, jobs: 2).PushAsync(objects.Take(1));

        var second = await new StoreTransfer(cache, remote.Remote, jobs: 2).PushAsync(objects);
        var third = await new StoreTransfer(cache, remote.Remote, jobs: 2).PushAsync(objects);

        Assert.Equal(objects.Skip(1).Select(o => o.Sha256).OrderBy(h => h), second.Transferred.Select(o => o.Sha256).OrderBy(h => h));
        Assert.Equal(objects[0].Sha256, Assert.Single(second.AlreadyThere).Sha256);
        Assert.Empty(third.Transferred);
        Assert.Equal(3, third.AlreadyThere.Count);
    }

    [ServerTheory]
    [MemberData(nameof(Kinds))]
    public async Task A_corrupted_object_on_the_remote_is_refused_and_nothing_is_written(string kind)
    {
        using var remote = TestRemote.Create(_servers, kind, _temp.Path);
        var (cache, objects) = Fill("a", new[] { 5000, 6000 });
        await new StoreTransfer(cache, remote.Remote, jobs: 2).PushAsync(objects);
        var damaged = objects[0];
        var other = File.ReadAllBytes(damaged.Path);
        other[100] ^= 0xFF;
        remote.Corrupt(damaged.Sha256, other);

        var empty = new LocalCache(_temp.Combine("cache-b"));
        var pulled = await new StoreTransfer(empty, remote.Remote, jobs: 2).PullAsync(objects);

        var (item, actual) = Assert.Single(pulled.Corrupt);
        Assert.Equal(damaged.Sha256, item.Sha256);
        Assert.Equal(Hashing.Sha256Hex(other), actual);
        Assert.False(empty.Contains(damaged.Sha256));
        Assert.True(empty.Contains(objects[1].Sha256));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(empty.Directory, "tmp")));
    }

    [ServerTheory]
    [MemberData(nameof(Kinds))]
    public async Task A_partial_object_left_by_a_killed_upload_is_sent_again(string kind)
    {
        using var remote = TestRemote.Create(_servers, kind, _temp.Path);
        var (cache, objects) = Fill("a", new[] { 5000, 6000 });
        await new StoreTransfer(cache, remote.Remote, jobs: 2).PushAsync(objects);
        remote.Corrupt(objects[0].Sha256, File.ReadAllBytes(objects[0].Path).AsSpan(0, 1000).ToArray());

        var again = await new StoreTransfer(cache, remote.Remote, jobs: 2).PushAsync(objects);
        var pulled = await new StoreTransfer(new LocalCache(_temp.Combine("cache-b")), remote.Remote, jobs: 2).PullAsync(objects);

        Assert.Equal(objects[0].Sha256, Assert.Single(again.Transferred).Sha256);
        Assert.Empty(pulled.Corrupt);
        Assert.Equal(2, pulled.Transferred.Count);
    }

    [ServerTheory]
    [MemberData(nameof(ServerKinds))]
    public async Task Wrong_credentials_are_one_line_that_says_what_to_do(string kind)
    {
        using var remote = TestRemote.Create(_servers, kind, _temp.Path);
        using var wrong = remote.Open(
            s3Credentials: new BasicAWSCredentials("WRONGKEY", "WRONGSECRET"),
            azureConnectionString: _servers.AzureConnectionString(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))));
        var (cache, objects) = Fill("a", new[] { 10 });

        var failure = await Assert.ThrowsAsync<RemoteException>(() => new StoreTransfer(cache, wrong, jobs: 1).PushAsync(objects));

        Assert.Equal(RemoteFailure.Authentication, failure.Failure);
        Assert.DoesNotContain("\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("never stores", failure.Message, StringComparison.Ordinal);
        var line = StoreErrors.ToInput(failure);
        Assert.Equal(Repro.Build.DiagnosticIds.StoreAuthenticationFailed, line.Code);
    }

    [ServerTheory]
    [MemberData(nameof(ServerKinds))]
    public async Task A_server_that_is_not_there_is_one_line_after_the_retries(string kind)
    {
        using var remote = TestRemote.Create(_servers, kind, _temp.Path);
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var config = remote.Config.Clone();
        config.Endpoint = $"http://127.0.0.1:{port}";
        var location = RemoteLocation.TryParse(config.Url, _temp.Path, out _)!;
        var gone = $"DefaultEndpointsProtocol=http;AccountName={StoreServers.AzureAccount};AccountKey={_servers.AzureKey};BlobEndpoint=http://127.0.0.1:{port}/x;";
        using IObjectRemote unreachable = kind == "s3" ? new S3Remote("team", location, config) : new AzureBlobRemote("team", location, config, gone);
        var (cache, objects) = Fill("a", new[] { 10 });

        var failure = await Assert.ThrowsAsync<RemoteException>(() => new StoreTransfer(cache, unreachable, jobs: 1) { Retries = 1 }.PushAsync(objects));

        Assert.Equal(RemoteFailure.Unreachable, failure.Failure);
        Assert.Contains("cannot be reached", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Repro.Build.DiagnosticIds.StoreRemoteUnreachable, StoreErrors.ToInput(failure).Code);
        Assert.DoesNotContain("\n", failure.Message, StringComparison.Ordinal);
    }

    [ServerTheory]
    [MemberData(nameof(Kinds))]
    public async Task A_missing_bucket_container_or_folder_is_one_line(string kind)
    {
        using var remote = TestRemote.Create(_servers, kind, _temp.Path);
        var config = remote.Config.Clone();
        config.Url = kind switch { "s3" => "s3://no-such-bucket-here/x", "azure" => "azure://no-such-container/x", _ => "no-such-folder" };
        var location = RemoteLocation.TryParse(config.Url, _temp.Path, out _)!;
        using IObjectRemote missing = kind switch
        {
            "s3" => new S3Remote("team", location, config),
            "azure" => new AzureBlobRemote("team", location, config),
            _ => new FolderRemote("team", location.Folder!),
        };
        var (cache, objects) = Fill("a", new[] { 10 });

        var failure = await Assert.ThrowsAsync<RemoteException>(() => new StoreTransfer(cache, missing, jobs: 1).PushAsync(objects));

        Assert.Equal(RemoteFailure.ContainerMissing, failure.Failure);
        Assert.Contains("does not exist", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("no-such-folder")), "a folder remote is never created: an unmounted share must not become a local folder");
    }

    [ServerTheory]
    [MemberData(nameof(Kinds))]
    public async Task A_large_file_goes_in_parts_in_bounded_memory(string kind)
    {
        using var remote = TestRemote.Create(_servers, kind, _temp.Path);
        var (cache, objects) = Fill("a", new[] { 64 << 20 });
        var big = objects[0];

        var peak = await MeasurePeakHeap(() => new StoreTransfer(cache, remote.Remote, jobs: 4).PushAsync(objects));
        var empty = new LocalCache(_temp.Combine("cache-b"));
        var pullPeak = await MeasurePeakHeap(() => new StoreTransfer(empty, remote.Remote, jobs: 4).PullAsync(objects));

        Assert.True(empty.Contains(big.Sha256));
        Assert.Equal(big.Sha256, Hashing.Sha256File(empty.ObjectPath(big.Sha256)));
        Assert.True(peak < 48L << 20, $"the push of 64 MiB grew the managed heap by {peak >> 20} MiB");
        Assert.True(pullPeak < 48L << 20, $"the pull of 64 MiB grew the managed heap by {pullPeak >> 20} MiB");
        Assert.Equal(8L << 20, S3Remote.PartSize(64L << 20));
        Assert.True(S3Remote.PartSize(100L << 30) * 10_000 >= 100L << 30, "a 100 GiB file fits in 10,000 parts");
    }

    // Over 2 GiB: every length, offset and part number of the way is a long (an int would wrap at 2^31). Folder and S3;
    // Azurite keeps blobs in the memory of its node process here, which is not what is measured.
    [ServerTheory]
    [InlineData("folder")]
    [InlineData("s3")]
    public async Task A_file_over_2_GiB_goes_and_comes_back_in_bounded_memory(string kind)
    {
        using var remote = TestRemote.Create(_servers, kind, _temp.Path);
        var path = _temp.Combine("big", "over-2-GiB.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var length = (2L << 30) + 4099;
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            var block = RandomNumberGenerator.GetBytes(1 << 20);
            for (long written = 0; written < length; written += block.Length)
            {
                block[0]++; // no two blocks alike
                file.Write(block, 0, (int)Math.Min(block.Length, length - written));
            }
        }

        var cache = new LocalCache(_temp.Combine("cache-big"));
        var added = cache.AddFileHashing(path);
        File.Delete(path); // the disk holds the cache's copy and the remote's
        var big = new StoreObject(added.Sha256, length, path);

        var peak = await MeasurePeakHeap(() => new StoreTransfer(cache, remote.Remote, jobs: 4).PushAsync([big]));
        var empty = new LocalCache(_temp.Combine("cache-big-b"));
        var pullPeak = await MeasurePeakHeap(() => new StoreTransfer(empty, remote.Remote, jobs: 4).PullAsync([big]));

        Assert.Equal(length, added.Length);
        Assert.Equal(length, new FileInfo(empty.ObjectPath(big.Sha256)).Length);
        Assert.Equal(CacheOutcome.AlreadyPresent, empty.Verify(big.Sha256).Outcome);
        Assert.True(peak < 96L << 20, $"the push of 2 GiB grew the managed heap by {peak >> 20} MiB");
        Assert.True(pullPeak < 96L << 20, $"the pull of 2 GiB grew the managed heap by {pullPeak >> 20} MiB");
    }

    // Ten thousand files take ten listing pages each way; Azurite (in memory) gets the paging with fewer.
    [ServerTheory]
    [InlineData("folder", 10_000)]
    [InlineData("s3", 10_000)]
    [InlineData("azure", 1100)]
    public async Task Thousands_of_small_files_go_and_come_back_through_paged_listings(string kind, int count)
    {
        using var remote = TestRemote.Create(_servers, kind, _temp.Path);
        var (cache, objects) = Fill("a", Enumerable.Repeat(100, count).ToArray());

        var pushed = await new StoreTransfer(cache, remote.Remote, jobs: 8).PushAsync(objects);
        var again = await new StoreTransfer(cache, remote.Remote, jobs: 8).PushAsync(objects);
        var empty = new LocalCache(_temp.Combine("cache-b"));
        var pulled = await new StoreTransfer(empty, remote.Remote, jobs: 8).PullAsync(objects);

        Assert.Equal(count, pushed.Transferred.Count);
        Assert.Empty(again.Transferred);
        Assert.Equal(count, pulled.Transferred.Count);
        Assert.All(objects, o => Assert.True(empty.Contains(o.Sha256)));
    }

    [ServerTheory]
    [MemberData(nameof(Kinds))]
    public async Task An_interrupted_push_run_again_sends_only_what_is_missing(string kind)
    {
        using var remote = TestRemote.Create(_servers, kind, _temp.Path);
        var (cache, objects) = Fill("a", Enumerable.Repeat(20_000, 12).ToArray());
        var progress = new TransferProgress();
        using var stop = new CancellationTokenSource();

        // Stopped as a Ctrl+C would stop it, after the fourth upload: at a point that does not depend on the remote's
        // speed (a folder remote finishes 12 small files before a polling loop would notice).
        using var stopping = new StopAfterUploads(remote.Remote, 4, stop);
        var interrupted = new StoreTransfer(cache, stopping, jobs: 1, progress).PushAsync(objects, stop.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted);
        var sent = progress.ObjectsDone;

        var rerun = await new StoreTransfer(cache, remote.Remote, jobs: 4).PushAsync(objects);

        Assert.InRange(sent, 4, 11);
        Assert.Equal(objects.Count, rerun.Transferred.Count + rerun.AlreadyThere.Count);
        Assert.InRange(rerun.AlreadyThere.Count, sent, sent + 1); // one upload may have completed as the push was stopped
        var pulled = await new StoreTransfer(new LocalCache(_temp.Combine("cache-b")), remote.Remote, jobs: 4).PullAsync(objects);
        Assert.Empty(pulled.Corrupt);
        Assert.Equal(objects.Count, pulled.Transferred.Count);
    }

    public void Dispose() => _temp.Dispose();

    // A remote that cancels the transfer once it has stored a number of objects; everything else goes to the real one.
    private sealed class StopAfterUploads(IObjectRemote inner, int count, CancellationTokenSource stop) : IObjectRemote
    {
        private int _uploaded;

        public string Description => inner.Description;

        public Task<ISet<string>> ExistingAsync(IReadOnlyDictionary<string, long> expected, CancellationToken cancellation) =>
            inner.ExistingAsync(expected, cancellation);

        public async Task UploadAsync(string sha256, string file, CancellationToken cancellation)
        {
            await inner.UploadAsync(sha256, file, cancellation);
            if (Interlocked.Increment(ref _uploaded) == count)
            {
                stop.Cancel();
            }
        }

        public Task DownloadAsync(string sha256, Stream destination, long maxBytes, CancellationToken cancellation) =>
            inner.DownloadAsync(sha256, destination, maxBytes, cancellation);

        public IAsyncEnumerable<RemoteObject> ListAsync(CancellationToken cancellation) => inner.ListAsync(cancellation);

        public Task DeleteAsync(string sha256, CancellationToken cancellation) => inner.DeleteAsync(sha256, cancellation);

        public void Dispose()
        {
            // The inner remote belongs to the test's TestRemote.
        }
    }

    private static async Task<long> MeasurePeakHeap(Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var running = Task.Run(work);
        while (!running.IsCompleted)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - baseline);
            await Task.Delay(20);
        }

        await running;
        return peak;
    }

    // Files of the given sizes (random bytes) added to a fresh cache, as the store objects that name them.
    private (LocalCache Cache, List<StoreObject> Objects) Fill(string name, int[] sizes)
    {
        var cache = new LocalCache(_temp.Combine("cache-" + name));
        var objects = new List<StoreObject>();
        for (var i = 0; i < sizes.Length; i++)
        {
            var path = _temp.Combine("files-" + name, i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".bin");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var bytes = RandomNumberGenerator.GetBytes(sizes[i]);
            File.WriteAllBytes(path, bytes);
            var hash = Hashing.Sha256Hex(bytes);
            Assert.True(cache.AddFile(path, hash).Succeeded);
            objects.Add(new StoreObject(hash, sizes[i], path));
        }

        return (cache, objects);
    }
}
