using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Repro.Build.Data;

namespace Repro.Build.Core.Tests;

public sealed class DataHasherTests
{
    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    [Fact]
    public void Hashes_files_folders_and_groups_with_aggregates()
    {
        using var temp = new TemporaryDirectory();
        var project = Directory.CreateDirectory(temp.Combine("project")).FullName;
        temp.WriteFile("project/data/train.csv", "a,b\n1,2\n");
        temp.WriteFile("project/data/images/x.png", "png-x");
        temp.WriteFile("project/data/images/sub/y.png", "png-y");
        temp.WriteFile("outside/ref.txt", "reference");
        var declarations = new[]
        {
            new DataDeclaration("data/train.csv", Path.Combine(project, "data/train.csv"), null),
            new DataDeclaration("data/images/", Path.Combine(project, "data/images/"), null),
            new DataDeclaration("../outside/ref.txt", temp.Combine("outside", "ref.txt"), "reference"),
        };
        var diagnostics = new List<ReproDiagnostic>();

        var data = DataHasher.Hash(project, declarations, new FileHashCache(), new HashProgress(), diagnostics, strict: false);

        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "data/images/", "data/train.csv", "reference" }, data.Items.Select(i => i.Name));
        var images = data.Items[0];
        Assert.Equal(new[] { "data/images/sub/y.png", "data/images/x.png" }, images.Files.Select(f => f.Path));
        Assert.Equal(Sha256(Path.Combine(project, "data/images/x.png")), images.Files[1].Sha256);
        Assert.Equal(2, images.FileCount);
        Assert.Equal(10, images.Size);
        // A folder's aggregate is over the paths inside the folder; a single file's hash is the file's own, as sha256sum prints it.
        Assert.Equal(DataHasher.Aggregate(images.Files.Select(f => new Repro.Build.Manifest.DataFileEntry { Path = f.Path.Substring("data/images/".Length), Sha256 = f.Sha256 })), images.Sha256);
        Assert.Equal(Sha256(Path.Combine(project, "data/train.csv")), data.Items[1].Files.Single().Sha256);
        Assert.Equal(Sha256(Path.Combine(project, "data/train.csv")), data.Items[1].Sha256);
        Assert.Equal("../outside/ref.txt", data.Items[2].Files.Single().Path);
    }

    [Fact]
    public void The_cache_skips_unchanged_files_and_rehashes_changed_ones()
    {
        using var temp = new TemporaryDirectory();
        var file = temp.WriteFile("data.bin", "original");
        var declarations = new[] { new DataDeclaration("data.bin", file, null) };
        var cachePath = temp.Combine("obj", "repro-hashes.json");
        var diagnostics = new List<ReproDiagnostic>();

        // Hash once and save the cache; then change the bytes but keep size and time: the cache answers, nothing is read.
        var saved = FileHashCache.Load(cachePath);
        var run = DataHasher.Hash(temp.Path, declarations, saved, new HashProgress(), diagnostics, false);
        saved.Save(cachePath);
        var time = File.GetLastWriteTimeUtc(file);
        File.WriteAllText(file, "ORIGINAL");
        File.SetLastWriteTimeUtc(file, time);
        var progress = new HashProgress();
        var cached = DataHasher.Hash(temp.Path, declarations, FileHashCache.Load(cachePath), progress, diagnostics, false);
        Assert.Equal(run.Items[0].Files[0].Sha256, cached.Items[0].Files[0].Sha256);
        Assert.Equal(0, progress.BytesTotal);

        // A new modification time makes it hash again.
        File.SetLastWriteTimeUtc(file, time.AddSeconds(5));
        var rehashed = DataHasher.Hash(temp.Path, declarations, FileHashCache.Load(cachePath), new HashProgress(), diagnostics, false);
        Assert.Equal(Sha256(file), rehashed.Items[0].Files[0].Sha256);
        Assert.NotEqual(run.Items[0].Files[0].Sha256, rehashed.Items[0].Files[0].Sha256);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Missing_data_is_a_warning_or_under_strict_an_error()
    {
        using var temp = new TemporaryDirectory();
        var declarations = new[] { new DataDeclaration("data/missing.csv", temp.Combine("data", "missing.csv"), null) };

        var warnings = new List<ReproDiagnostic>();
        var data = DataHasher.Hash(temp.Path, declarations, new FileHashCache(), new HashProgress(), warnings, strict: false);
        var errors = new List<ReproDiagnostic>();
        DataHasher.Hash(temp.Path, declarations, new FileHashCache(), new HashProgress(), errors, strict: true);

        Assert.False(data.Items.Single().Exists);
        Assert.Null(data.Items.Single().Sha256);
        Assert.Equal(("REPRO302", ReproDiagnosticSeverity.Warning), (warnings.Single().Code, warnings.Single().Severity));
        Assert.Contains("data/missing.csv", warnings.Single().Message);
        Assert.Equal(ReproDiagnosticSeverity.Error, errors.Single().Severity);
    }

    [Fact]
    public void A_damaged_cache_file_is_ignored()
    {
        using var temp = new TemporaryDirectory();
        var cachePath = temp.WriteFile("repro-hashes.json", "{ not json");
        var file = temp.WriteFile("a.txt", "a");

        var cache = FileHashCache.Load(cachePath);

        Assert.False(cache.TryGet(file, 1, File.GetLastWriteTimeUtc(file).Ticks, out _));
    }
}
