using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Repro.Build.Core.Tests;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Build.Store;

namespace Repro.Tool.Tests.Store;

/// <summary>
/// The tool end to end, as a team uses it: clone A adds a remote (s3rver) and pushes the build's data; clone B, with the
/// same committed configuration, an empty cache and no data files, pulls them back byte-identical. Each command runs as
/// its own process in its clone's folder, as a user runs it.
/// </summary>
[Collection(StoreServersCollection.Name)]
public sealed class DataCommandTests : IDisposable
{
    private readonly StoreServers _servers;
    private readonly TemporaryDirectory _temp = new();

    public DataCommandTests(StoreServers servers)
    {
        _servers = servers;
    }

    [ServerFact]
    public void Remote_add_and_data_push_in_one_clone_then_data_pull_in_another_with_an_empty_cache()
    {
        var bucket = "e2e" + Guid.NewGuid().ToString("N").Substring(0, 16);
        using (var client = new AmazonS3Client(new BasicAWSCredentials(StoreServers.S3Key, StoreServers.S3Key),
            new AmazonS3Config { ServiceURL = _servers.S3Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" }))
        {
            client.PutBucketAsync(bucket).GetAwaiter().GetResult();
        }

        var a = Clone("a");
        var b = Clone("b");
        var data = new Dictionary<string, byte[]>
        {
            ["data/train.csv"] = RandomNumberGenerator.GetBytes(200_000),
            ["data/images/1.bin"] = RandomNumberGenerator.GetBytes(3000),
            ["data/images/2.bin"] = RandomNumberGenerator.GetBytes(0),
        };
        foreach (var pair in data)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(a, pair.Key))!);
            File.WriteAllBytes(Path.Combine(a, pair.Key), pair.Value);
        }

        var manifest = Manifest(data);
        foreach (var clone in new[] { a, b })
        {
            var folder = Path.Combine(clone, "bin", "Release", "net10.0");
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "Trainer.repro.json"), ManifestSerializer.ToUtf8Bytes(manifest));
        }

        Assert.Equal(0, Tool(a, "remote", "add", "team", $"s3://{bucket}/project", "--default").Code);
        Assert.Equal(0, Tool(a, "remote", "modify", "team", "endpoint", _servers.S3Endpoint).Code);
        Assert.Equal(0, Tool(a, "remote", "modify", "team", "path-style", "true").Code);
        var listed = Tool(a, "remote", "list", "--json");
        using (var list = JsonDocument.Parse(listed.Output))
        {
            var remote = Assert.Single(list.RootElement.GetProperty("remotes").EnumerateArray());
            Assert.Equal("s3", remote.GetProperty("kind").GetString());
            Assert.True(remote.GetProperty("default").GetBoolean());
        }

        var push = Tool(a, "data", "push", "--json");
        Assert.True(push.Code == 0, push.Error);
        using (var pushed = JsonDocument.Parse(push.Output))
        {
            Assert.Equal(4, pushed.RootElement.GetProperty("uploaded").GetInt32()); // the three files and the listing of data/images/
        }

        var again = Tool(a, "data", "push", "--json");
        Assert.True(again.Code == 0, again.Error);
        using (var second = JsonDocument.Parse(again.Output))
        {
            Assert.Equal(0, second.RootElement.GetProperty("uploaded").GetInt32());
            Assert.Equal(4, second.RootElement.GetProperty("alreadyOnRemote").GetInt32());
        }

        // What git sees: the team's configuration to commit; not the cache, nor .gitignore (a build stays clean).
        var status = GitCli.Run(a, "status", "--porcelain", "--untracked-files=all");
        Assert.Contains(".repro/config.json", status, StringComparison.Ordinal);
        Assert.DoesNotContain(".repro/.gitignore", status, StringComparison.Ordinal);
        Assert.DoesNotContain(".repro/cache", status, StringComparison.Ordinal);

        // Clone B gets the committed configuration, as git would bring it.
        Directory.CreateDirectory(Path.Combine(b, ".repro"));
        File.Copy(Path.Combine(a, ".repro", "config.json"), Path.Combine(b, ".repro", "config.json"));
        var before = Tool(b, "data", "status", "--json");
        Assert.Equal(1, before.Code);
        using (var statusBefore = JsonDocument.Parse(before.Output))
        {
            Assert.All(statusBefore.RootElement.GetProperty("files").EnumerateArray(), f =>
            {
                Assert.False(f.GetProperty("inCache").GetBoolean());
                Assert.True(f.GetProperty("onRemote").GetBoolean());
                Assert.Equal("missing", f.GetProperty("workTree").GetString());
            });
        }

        var pull = Tool(b, "data", "pull", "--json");

        Assert.True(pull.Code == 0, pull.Error);
        foreach (var pair in data)
        {
            Assert.Equal(pair.Value, File.ReadAllBytes(Path.Combine(b, pair.Key)));
        }

        Assert.True(Directory.Exists(Path.Combine(b, ".repro", "cache", "files", "sha256")));
        Assert.Equal(0, Tool(b, "data", "status").Code);
    }

    [ServerFact]
    public void A_file_changed_since_the_build_is_named_and_skipped_with_exit_code_1()
    {
        var a = Clone("a");
        var remote = Path.Combine(_temp.Path, "share");
        Directory.CreateDirectory(remote);
        var data = new Dictionary<string, byte[]> { ["data/x.csv"] = new byte[] { 1, 2, 3 }, ["data/y.csv"] = new byte[] { 4, 5, 6 } };
        foreach (var pair in data)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(a, pair.Key))!);
            File.WriteAllBytes(Path.Combine(a, pair.Key), pair.Value);
        }

        var folder = Path.Combine(a, "bin", "Release", "net10.0");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "Trainer.repro.json"), ManifestSerializer.ToUtf8Bytes(Manifest(data)));
        File.WriteAllBytes(Path.Combine(a, "data", "x.csv"), new byte[] { 9, 9, 9 });

        Assert.Equal(0, Tool(a, "remote", "add", "share", remote, "--default").Code);
        var push = Tool(a, "data", "push");

        Assert.Equal(1, push.Code);
        var line = Assert.Single(push.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("warning REPRO535: data/x.csv changed since the build", line, StringComparison.Ordinal);
        // y.csv and the folder's listing (the build's, which stays valid); not the changed x.csv.
        var sent = Directory.EnumerateFiles(Path.Combine(remote, "files", "sha256"), "*", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Contains(sent, bytes => bytes.SequenceEqual(data["data/y.csv"]));
        Assert.DoesNotContain(sent, bytes => bytes.SequenceEqual(new byte[] { 9, 9, 9 }));
    }

    [ServerFact]
    public void A_remote_url_with_a_credential_is_refused_in_one_line_and_nothing_is_written()
    {
        var a = Clone("a");

        var withKey = Tool(a, "remote", "add", "team", "s3://AKIAEXAMPLE:secret@bucket/x");
        var withSas = Tool(a, "remote", "add", "team", "azure://container/x?sv=2024&sig=abc");

        Assert.Equal(2, withKey.Code);
        Assert.StartsWith("error REPRO530: remote 'team': the URL holds user information", withKey.Error, StringComparison.Ordinal);
        Assert.Equal(2, withSas.Code);
        Assert.Contains("query string", withSas.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(a, ".repro", "config.json")));
    }

    [ServerFact]
    public void Data_checkout_puts_back_deleted_files_from_the_cache_keeps_an_edited_one_and_replaces_it_with_force()
    {
        var a = Clone("a");
        var data = new Dictionary<string, byte[]>
        {
            ["data/train.csv"] = RandomNumberGenerator.GetBytes(50_000),
            ["data/test.csv"] = RandomNumberGenerator.GetBytes(7_000),
            ["data/same.csv"] = RandomNumberGenerator.GetBytes(100),
        };
        foreach (var pair in data)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(a, pair.Key))!);
            File.WriteAllBytes(Path.Combine(a, pair.Key), pair.Value);
        }

        var folder = Path.Combine(a, "bin", "Release", "net10.0");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "Trainer.repro.json"), ManifestSerializer.ToUtf8Bytes(Manifest(data)));
        var share = Path.Combine(_temp.Path, "share-checkout");
        Directory.CreateDirectory(share);
        Assert.Equal(0, Tool(a, "remote", "add", "share", share, "--default").Code);
        Assert.Equal(0, Tool(a, "data", "push").Code); // the files go into the cache on the way
        var untouched = File.GetLastWriteTimeUtc(Path.Combine(a, "data", "same.csv"));

        File.Delete(Path.Combine(a, "data", "train.csv"));
        File.WriteAllBytes(Path.Combine(a, "data", "test.csv"), [1, 2, 3]); // an edit the user has not saved elsewhere
        Directory.Delete(share, recursive: true); // checkout needs no remote

        var kept = Tool(a, "data", "checkout", "--json");

        Assert.Equal(1, kept.Code);
        Assert.Equal(data["data/train.csv"], File.ReadAllBytes(Path.Combine(a, "data", "train.csv")));
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(Path.Combine(a, "data", "test.csv")));
        Assert.StartsWith("warning REPRO535: data/test.csv differ", Assert.Single(kept.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)),
            StringComparison.Ordinal);
        using (var result = JsonDocument.Parse(kept.Output))
        {
            Assert.Equal(["data/train.csv"], result.RootElement.GetProperty("placed").EnumerateArray().Select(p => p.GetString()));
            Assert.Equal(["data/test.csv"], result.RootElement.GetProperty("kept").EnumerateArray().Select(p => p.GetString()));
        }

        var forced = Tool(a, "data", "checkout", "--force");

        Assert.True(forced.Code == 0, forced.Error);
        Assert.Equal(data["data/test.csv"], File.ReadAllBytes(Path.Combine(a, "data", "test.csv")));
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(Path.Combine(a, "data", "same.csv")));
        Assert.Equal(0, Tool(a, "data", "checkout").Code);
    }

    public void Dispose() => _temp.Dispose();

    private static ReproManifest Manifest(Dictionary<string, byte[]> data)
    {
        var manifest = Manifests.Sample();
        manifest.Data.Items.Clear();
        manifest.Data.Items.Add(new DataEntry
        {
            Name = "data/",
            // The folder's hash as the build computes it: that of its listing, which push sends with the files.
            Sha256 = Hashing.Sha256Hex(DirectoryListing.Encode(data.Select(p => new KeyValuePair<string, string>(p.Key["data/".Length..],
                Hashing.Sha256Hex(p.Value))))),
            FileCount = data.Count,
            Files = data.Select(p => new DataFileEntry { Path = p.Key, Sha256 = Hashing.Sha256Hex(p.Value), Size = p.Value.Length }).ToList(),
        });
        return manifest;
    }

    private string Clone(string name)
    {
        var folder = _temp.Combine(name);
        Directory.CreateDirectory(folder);
        GitCli.InitWithCommit(folder);
        File.WriteAllText(Path.Combine(folder, "Trainer.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        File.WriteAllText(Path.Combine(folder, ".gitignore"), "bin/\ndata/\n");
        return folder;
    }

    // The tool as its own process in the clone's folder (its current folder decides the work tree, as for a user).
    private static (int Code, string Output, string Error) Tool(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dotnet-repro.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove(LocalCache.EnvironmentVariable);
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "dotnet repro " + string.Join(" ", args) + " did not end within 2 minutes");
        return (process.ExitCode, output, error.Result);
    }
}
