using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Repro.Build.Core.Tests;
using Repro.Build.IO;

namespace Repro.Tool.Tests;

/// <summary>Outputs compared by what they hold: a model zip saved twice has the same content hash, and a hostile zip is read within bounds.</summary>
public sealed class FileContentHashTests
{
    private static void Zip(string path, DateTimeOffset time, CompressionLevel level, params (string Name, string Content)[] entries)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            var entry = archive.CreateEntry(name, level);
            entry.LastWriteTime = time;
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes(content));
        }
    }

    [Fact]
    public void Two_saves_of_the_same_entries_at_other_times_in_another_order_have_one_content_hash_and_two_file_hashes()
    {
        using var folder = new TemporaryDirectory();
        var first = folder.Combine("first.zip");
        var second = folder.Combine("second.zip");
        Zip(first, new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), CompressionLevel.Optimal, ("Model/Weights.bin", "0.25 0.5"), ("Schema", "x"));
        Zip(second, new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.Zero), CompressionLevel.NoCompression, ("Schema", "x"), ("Model/Weights.bin", "0.25 0.5"));

        var a = FileContentHash.Compute(first);
        var b = FileContentHash.Compute(second);

        Assert.True(a.IsArchive);
        Assert.NotEqual(a.FileSha256, b.FileSha256);
        Assert.Equal(a.Sha256, b.Sha256);
        // The shape of a data folder's hash: sorted "name NUL sha256 LF" lines.
        var lines = "Model/Weights.bin\0" + Hashing.Sha256Hex(Encoding.UTF8.GetBytes("0.25 0.5")) + "\nSchema\0" + Hashing.Sha256Hex(Encoding.UTF8.GetBytes("x")) + "\n";
        Assert.Equal(Hashing.Sha256Hex(Encoding.UTF8.GetBytes(lines)), a.Sha256);
    }

    [Fact]
    public void Other_entry_content_or_names_give_another_content_hash()
    {
        using var folder = new TemporaryDirectory();
        var time = DateTimeOffset.UnixEpoch.AddYears(40);
        Zip(folder.Combine("a.pt"), time, CompressionLevel.Optimal, ("archive/data/0", "1"));
        Zip(folder.Combine("b.pt"), time, CompressionLevel.Optimal, ("archive/data/0", "2"));
        Zip(folder.Combine("c.pt"), time, CompressionLevel.Optimal, ("archive/data/1", "1"));

        var hashes = new[] { "a.pt", "b.pt", "c.pt" }.Select(n => FileContentHash.Compute(folder.Combine(n)).Sha256).ToList();
        Assert.Equal(3, hashes.Distinct().Count());
    }

    [Fact]
    public void A_file_that_is_no_zip_has_its_file_hash_and_a_damaged_zip_too_with_the_reason()
    {
        using var folder = new TemporaryDirectory();
        var text = folder.WriteFile("model.onnx", "not a zip");
        var plain = FileContentHash.Compute(text);
        Assert.False(plain.IsArchive);
        Assert.Equal(Hashing.Sha256File(text), plain.Sha256);
        Assert.Null(plain.Note);

        var damaged = folder.Combine("damaged.zip");
        File.WriteAllBytes(damaged, [(byte)'P', (byte)'K', 3, 4, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var result = FileContentHash.Compute(damaged);
        Assert.False(result.IsArchive);
        Assert.Equal(result.FileSha256, result.Sha256);
        Assert.Contains("not a readable zip archive", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_is_read_only_up_to_its_bound_and_hashed_as_a_file()
    {
        using var folder = new TemporaryDirectory();
        var bomb = folder.Combine("bomb.zip");
        using (var archive = ZipFile.Open(bomb, ZipArchiveMode.Create))
        {
            using var stream = archive.CreateEntry("zeros", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 300; i++)
            {
                stream.Write(zeros); // 300 MiB of zeros: about 300 KiB once compressed, far beyond 1,000 times that
            }
        }

        var result = FileContentHash.Compute(bomb);
        Assert.False(result.IsArchive);
        Assert.Equal(result.FileSha256, result.Sha256);
        Assert.Contains("decompresses to more than", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_with_more_entries_than_the_bound_is_hashed_as_a_file()
    {
        using var folder = new TemporaryDirectory();
        var many = folder.Combine("many.zip");
        using (var archive = ZipFile.Open(many, ZipArchiveMode.Create))
        {
            for (var i = 0; i <= FileContentHash.MaxEntries; i++)
            {
                archive.CreateEntry("e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), CompressionLevel.NoCompression);
            }
        }

        var result = FileContentHash.Compute(many);
        Assert.False(result.IsArchive);
        Assert.Contains("entries, more than 65536", result.Note, StringComparison.Ordinal);
    }
}
