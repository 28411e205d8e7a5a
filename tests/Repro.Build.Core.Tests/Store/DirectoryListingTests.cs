using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Repro.Build.Data;
using Repro.Build.IO;
using Repro.Build.Store;

namespace Repro.Build.Core.Tests.Store;

/// <summary>
/// A folder as one object of the store: its listing hashes to the folder's hash in the manifest, goes into the cache in
/// the read that hashes the files (no second read), and a listing from outside cannot name a path outside its folder.
/// </summary>
public sealed class DirectoryListingTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    [Fact]
    public void A_folders_listing_hashes_to_the_folders_hash_and_its_files_go_into_the_store_as_they_are_hashed()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["images/a.bin"] = RandomNumberGenerator.GetBytes(5000),
            ["images/sub/b.bin"] = RandomNumberGenerator.GetBytes(70_000),
            ["images/empty.bin"] = [],
        };
        foreach (var pair in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_temp.Combine("p", pair.Key))!);
            File.WriteAllBytes(_temp.Combine("p", pair.Key), pair.Value);
        }

        var store = new LocalCache(_temp.Combine("cache"));
        var declaration = new DataDeclaration("images/", _temp.Combine("p", "images") + "/", null);
        var hashed = DataHasher.HashIntoStore(_temp.Combine("p"), [declaration], new FileHashCache(), new HashProgress(), [], strict: false, null, store,
            default).Items[0];
        var plain = DataHasher.Hash(_temp.Combine("p"), [declaration], new FileHashCache(), new HashProgress(), [], strict: false).Items[0];

        Assert.Equal(plain.Sha256, hashed.Sha256);
        var listing = DirectoryListing.ForItem(hashed);
        Assert.NotNull(listing);
        Assert.Equal(hashed.Sha256, Hashing.Sha256Hex(listing!));
        var entries = DirectoryListing.Decode(listing!);
        Assert.Equal(new[] { "a.bin", "empty.bin", "sub/b.bin" }, entries.Select(e => e.Key));
        foreach (var pair in files)
        {
            var sha = Hashing.Sha256Hex(pair.Value);
            Assert.Contains(entries, e => e.Value == sha);
            Assert.Equal(pair.Value, File.ReadAllBytes(store.ObjectPath(sha)));
        }

        Assert.Null(DirectoryListing.ForItem(DataHasher.Hash(_temp.Combine("p"), [new DataDeclaration("images/a.bin", _temp.Combine("p", "images", "a.bin"),
            null)], new FileHashCache(), new HashProgress(), [], strict: false).Items[0]));
    }

    [Fact]
    public void A_file_the_stat_cache_knows_is_stored_without_being_hashed_again_and_a_file_of_unknown_hash_is_stored_under_what_it_hashes_to()
    {
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        File.WriteAllBytes(_temp.Combine("model.bin"), bytes);
        var store = new LocalCache(_temp.Combine("cache"));

        var added = store.AddFileHashing(_temp.Combine("model.bin"));
        var again = store.AddFileHashing(_temp.Combine("model.bin"));

        Assert.Equal(CacheOutcome.Added, added.Outcome);
        Assert.Equal(Hashing.Sha256Hex(bytes), added.Sha256);
        Assert.Equal(CacheOutcome.AlreadyPresent, again.Outcome);
        Assert.Equal(bytes, File.ReadAllBytes(store.ObjectPath(added.Sha256)));
        Assert.Equal(CacheOutcome.Missing, store.AddFileHashing(_temp.Combine("none.bin")).Outcome);
    }

    [Theory]
    [InlineData("../escape.bin")]
    [InlineData("a/../../escape.bin")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/x")]
    [InlineData("a//b")]
    [InlineData("./a")]
    [InlineData("a\\..\\b")]
    [InlineData("a\nb")]
    [InlineData("")]
    public void A_listing_that_names_a_path_outside_its_folder_is_refused(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path + "\0" + new string('a', 64) + "\n");

        var error = Assert.Throws<InvalidDataException>(() => DirectoryListing.Decode(bytes));

        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b\0" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\na\0" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n")]
    [InlineData("a\0" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n")]
    [InlineData("a\0" + "aaaa\n")]
    [InlineData("a\0" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("no separator\n")]
    public void A_listing_out_of_order_without_a_hash_or_cut_short_is_refused(string text) =>
        Assert.Throws<InvalidDataException>(() => DirectoryListing.Decode(Encoding.UTF8.GetBytes(text)));

    public void Dispose() => _temp.Dispose();
}
