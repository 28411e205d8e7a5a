using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Repro.Build.IO;
using Repro.Build.Store;

namespace Repro.Build.Core.Tests.Store;

/// <summary>The local cache: DVC's layout, verified atomic writes, read-only objects, and placement with its fallbacks.</summary>
public sealed class LocalCacheTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    [Fact]
    public void A_file_added_under_its_hash_lands_in_the_two_level_layout_read_only()
    {
        var (path, hash, bytes) = Write("data/train.csv", 10_000);
        var cache = new LocalCache(_temp.Combine("cache"));

        var added = cache.AddFile(path, hash);
        var again = cache.AddFile(path, hash);

        Assert.Equal(CacheOutcome.Added, added.Outcome);
        Assert.Equal(bytes.Length, added.Length);
        Assert.Equal(CacheOutcome.AlreadyPresent, again.Outcome);
        var expected = _temp.Combine("cache", "files", "sha256", hash.Substring(0, 2), hash.Substring(2));
        Assert.Equal(expected, cache.ObjectPath(hash));
        Assert.Equal(bytes, File.ReadAllBytes(expected));
        Assert.True(File.GetAttributes(expected).HasFlag(FileAttributes.ReadOnly));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(expected) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        }

        Assert.Empty(Directory.EnumerateFiles(_temp.Combine("cache", "tmp")));
    }

    [Fact]
    public void A_file_that_changed_since_it_was_hashed_is_a_mismatch_and_nothing_is_added()
    {
        var (path, hash, _) = Write("data/train.csv", 5000);
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(5000));
        var cache = new LocalCache(_temp.Combine("cache"));

        var result = cache.AddFile(path, hash);

        Assert.Equal(CacheOutcome.HashMismatch, result.Outcome);
        Assert.Equal(Hashing.Sha256File(path), result.ActualSha256);
        Assert.False(cache.Contains(hash));
        Assert.Empty(Directory.EnumerateFiles(_temp.Combine("cache"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_missing_file_is_reported_not_thrown()
    {
        var cache = new LocalCache(_temp.Combine("cache"));

        Assert.Equal(CacheOutcome.Missing, cache.AddFile(_temp.Combine("nope.csv"), new string('a', 64)).Outcome);
        Assert.Equal(CacheOutcome.Missing, cache.Place(new string('a', 64), _temp.Combine("out.csv")).Outcome);
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("ab/../../cd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("abcdef0123456789abcdef0123456789abcdef0123456789abcdef012345678")]
    [InlineData("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789/")]
    [InlineData("")]
    public void A_key_that_is_not_64_lower_case_hex_digits_never_becomes_a_path(string key)
    {
        var cache = new LocalCache(_temp.Combine("cache"));

        Assert.False(ContentHash.IsSha256(key));
        Assert.Throws<ArgumentException>(() => cache.ObjectPath(key));
        Assert.Throws<ArgumentException>(() => cache.AddFile(_temp.Combine("x"), key));
        Assert.Null(ContentHash.FromKey("files/sha256/" + key));
    }

    [Fact]
    public async Task A_download_whose_bytes_do_not_have_the_hash_is_refused_and_leaves_nothing()
    {
        var cache = new LocalCache(_temp.Combine("cache"));
        var wanted = Hashing.Sha256Hex(new byte[] { 1, 2, 3 });

        var wrong = await cache.AddAsync(wanted, (stream, token) => stream.WriteAsync(new byte[] { 1, 2, 4 }, 0, 3, token));
        var tooLong = await cache.AddAsync(wanted, (stream, token) => stream.WriteAsync(new byte[] { 1, 2, 3, 4 }, 0, 4, token), maxBytes: 3);
        await Assert.ThrowsAsync<IOException>(() => cache.AddAsync(wanted, async (stream, token) =>
        {
            await stream.WriteAsync(new byte[] { 1 }, 0, 1, token);
            throw new IOException("the connection broke");
        }));
        var right = await cache.AddAsync(wanted, (stream, token) => stream.WriteAsync(new byte[] { 1, 2, 3 }, 0, 3, token));

        Assert.Equal(CacheOutcome.HashMismatch, wrong.Outcome);
        Assert.Equal(CacheOutcome.TooLarge, tooLong.Outcome);
        Assert.Equal(CacheOutcome.Added, right.Outcome);
        Assert.Single(Directory.EnumerateFiles(_temp.Combine("cache"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Two_writers_of_one_object_both_succeed_and_leave_one_copy()
    {
        var (path, hash, _) = Write("big.bin", 3 << 20);
        var cache = new LocalCache(_temp.Combine("cache"));

        var results = Enumerable.Range(0, 8).AsParallel().Select(_ => cache.AddFile(path, hash)).ToList();

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(Directory.EnumerateFiles(_temp.Combine("cache"), "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(CacheLinkType.Copy)]
    [InlineData(CacheLinkType.Reflink)]
    public void A_placed_file_is_the_objects_bytes_and_editing_it_leaves_the_cache_alone(CacheLinkType first)
    {
        var (path, hash, bytes) = Write("data/train.csv", 70_000);
        var cache = new LocalCache(_temp.Combine("cache"), new[] { first, CacheLinkType.Copy });
        cache.AddFile(path, hash);
        var destination = _temp.Combine("clone", "data", "train.csv");

        var placed = cache.Place(hash, destination);
        File.AppendAllText(destination, "edited in place");

        Assert.Equal(CacheOutcome.Placed, placed.Outcome);
        Assert.NotEqual(CacheLinkType.Hardlink, placed.LinkType);
        Assert.Equal(bytes, File.ReadAllBytes(cache.ObjectPath(hash)));
        Assert.Equal(hash, Hashing.Sha256File(cache.ObjectPath(hash)));
        Assert.Empty(Directory.EnumerateFiles(_temp.Combine("clone", "data"), "*.tmp"));
    }

    [Fact]
    public void A_hard_link_is_used_only_when_asked_for_and_is_read_only()
    {
        var (path, hash, bytes) = Write("data/train.csv", 1000);
        var cache = new LocalCache(_temp.Combine("cache"), new[] { CacheLinkType.Hardlink, CacheLinkType.Copy });
        cache.AddFile(path, hash);
        var destination = _temp.Combine("clone", "train.csv");

        var placed = cache.Place(hash, destination);

        Assert.Equal(CacheLinkType.Hardlink, placed.LinkType);
        Assert.Equal(bytes, File.ReadAllBytes(destination));
        // Read-only, so that an edit in place fails (for anyone but root, whom no mode stops) rather than change the cache.
        Assert.True(File.GetAttributes(destination).HasFlag(FileAttributes.ReadOnly));
        Assert.Equal(hash, Hashing.Sha256File(cache.ObjectPath(hash)));
        Assert.Equal(CacheLinkType.Copy, new LocalCache(cache.Directory, new[] { CacheLinkType.Copy }).Place(hash, _temp.Combine("copy.csv")).LinkType);
    }

    [Fact]
    public void A_damaged_object_is_never_placed()
    {
        var (path, hash, _) = Write("data/train.csv", 1000);
        var cache = new LocalCache(_temp.Combine("cache"));
        cache.AddFile(path, hash);
        var objectPath = cache.ObjectPath(hash);
        File.SetAttributes(objectPath, FileAttributes.Normal);
        File.WriteAllBytes(objectPath, new byte[1000]);
        var destination = _temp.Combine("clone", "train.csv");
        Directory.CreateDirectory(_temp.Combine("clone"));
        File.WriteAllText(destination, "the user's file");

        var copied = cache.Place(hash, destination);
        var linked = new LocalCache(cache.Directory, new[] { CacheLinkType.Reflink, CacheLinkType.Hardlink }).Place(hash, destination);

        Assert.Equal(CacheOutcome.HashMismatch, copied.Outcome);
        Assert.Equal(CacheOutcome.HashMismatch, linked.Outcome);
        Assert.Equal("the user's file", File.ReadAllText(destination));
        Assert.Single(Directory.EnumerateFiles(_temp.Combine("clone")));
    }

    public void Dispose() => _temp.Dispose();

    private (string Path, string Hash, byte[] Bytes) Write(string name, int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        var path = _temp.Combine(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return (path, Hashing.Sha256Hex(bytes), bytes);
    }
}
