using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Repro.Runs.Records;

namespace Repro.Tool.Tests;

/// <summary><c>runs tag</c> and <c>runs note</c>: tags.json beside the record, listed, filtered, compared, and guarded.</summary>
public sealed class RunAnnotationTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "repro-tags-" + Guid.NewGuid().ToString("N"));

    public RunAnnotationTests()
    {
        foreach (var id in new[] { "20261207-100000-000-aaaaaa", "20261207-110000-000-bbbbbb" })
        {
            var record = new RunRecord { RunId = id, Status = RunStatus.Finished, StartTime = "2026-12-07T10:00:00.000Z", LastWriteTime = "2026-12-07T10:00:05.000Z" };
            record.Params["learningRate"] = id.EndsWith('a') ? "0.1" : "0.2";
            Directory.CreateDirectory(Path.Combine(_runs, id));
            File.WriteAllBytes(Path.Combine(_runs, id, "run.json"), RunRecordSerializer.ToUtf8Bytes(record));
        }
    }

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    [Fact]
    public void Tags_and_a_note_are_kept_beside_the_record_and_listed_filtered_and_compared()
    {
        Assert.Equal(0, ToolHarness.Run("runs", "--runs-dir", _runs).ExitCode); // the index exists before the tags: it must see them
        var (tagged, _, tagError) = ToolHarness.Run("runs", "tag", "20261207-10", "baseline=true", "owner=ada", "--runs-dir", _runs);
        var (noted, _, _) = ToolHarness.Run("runs", "note", "20261207-10", "lr too high\nnext: 0.05", "--runs-dir", _runs);
        var (_, listed, _) = ToolHarness.Run("runs", "--runs-dir", _runs, "--tag", "baseline=true", "--json");
        var (_, any, _) = ToolHarness.Run("runs", "--runs-dir", _runs, "--tag", "owner");
        var (_, none, _) = ToolHarness.Run("runs", "--runs-dir", _runs, "--tag", "baseline=false");
        var (_, compared, _) = ToolHarness.Run("compare", "20261207-10", "20261207-11", "--runs-dir", _runs);
        var (_, reported, _) = ToolHarness.Run("report", "--runs-dir", _runs, "--tag", "baseline", "-o", Path.Combine(_runs, "report.html"), "--json");
        ToolHarness.Run("runs", "tag", "20261207-10", "owner=", "--runs-dir", _runs);
        var (_, shown, _) = ToolHarness.Run("runs", "tag", "20261207-10", "--runs-dir", _runs, "--json");

        Assert.True(tagged == 0, tagError);
        Assert.Equal(0, noted);
        using (var json = JsonDocument.Parse(listed))
        {
            var run = Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray());
            Assert.Equal("20261207-100000-000-aaaaaa", run.GetProperty("runId").GetString());
            Assert.Equal("true", run.GetProperty("tags").GetProperty("baseline").GetString());
            Assert.Equal("lr too high\nnext: 0.05", run.GetProperty("note").GetString());
        }

        Assert.Contains("baseline=true owner=ada", any, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(reported))
        {
            Assert.Equal(1, json.RootElement.GetProperty("runs").GetInt32());
        }

        Assert.Contains("lr too high", File.ReadAllText(Path.Combine(_runs, "report.html")), StringComparison.Ordinal);
        Assert.StartsWith("0 of 2 run(s)", none, StringComparison.Ordinal);
        Assert.Contains("(note)", compared, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(shown))
        {
            Assert.Equal(new[] { "baseline" }, json.RootElement.GetProperty("tags").EnumerateObject().Select(p => p.Name));
        }

        var file = File.ReadAllText(Path.Combine(_runs, "20261207-100000-000-aaaaaa", RunAnnotationsFile.FileName));
        Assert.Contains("\"lastWriteTime\": \"20", file, StringComparison.Ordinal);
        Assert.DoesNotContain("baseline", File.ReadAllText(Path.Combine(_runs, "20261207-100000-000-aaaaaa", "run.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("token=ghp_abcdefghijklmnopqrstuvwxyz0123456789", "looks like it holds a credential")]
    [InlineData("bad key=1", "is not key=value")]
    [InlineData("=1", "is not key=value")]
    [InlineData("k=a\u001bb", "control character")]
    public void What_would_leak_or_break_a_terminal_is_refused_and_nothing_is_written(string tag, string expected)
    {
        var (code, output, error) = ToolHarness.Run("runs", "tag", "20261207-10", tag, "--runs-dir", _runs);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_runs, "20261207-100000-000-aaaaaa", RunAnnotationsFile.FileName)));
    }

    [Fact]
    public void A_damaged_tags_file_is_named_and_does_not_hide_the_run()
    {
        File.WriteAllText(Path.Combine(_runs, "20261207-100000-000-aaaaaa", RunAnnotationsFile.FileName), "{\"tags\": ");

        var (listCode, listed, _) = ToolHarness.Run("runs", "--runs-dir", _runs);
        var (tagCode, _, error) = ToolHarness.Run("runs", "tag", "20261207-10", "a=b", "--runs-dir", _runs);

        Assert.Equal(0, listCode);
        Assert.StartsWith("2 of 2 run(s)", listed, StringComparison.Ordinal);
        Assert.Equal(2, tagCode);
        Assert.Contains("tags.json cannot be read (Not run annotations: the JSON ends early", error, StringComparison.Ordinal);
    }
}
