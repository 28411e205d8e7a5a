using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Repro.Build.Manifest;
using Repro.Runs.Records;

namespace Repro.Runs.Tests;

/// <summary><see cref="RunSummary"/> is a projection of <see cref="RunRecord"/>, never a second model that drifts from it.</summary>
public sealed class RunSummaryTests
{
    [Theory]
    [InlineData(typeof(RunSummary), typeof(RunRecord))]
    [InlineData(typeof(RunSummaryBuild), typeof(RunBuildSection))]
    [InlineData(typeof(RunSummaryEnvironment), typeof(EnvironmentSection))]
    [InlineData(typeof(RunSummaryData), typeof(RunDataEntry))]
    public void Every_key_of_the_summary_is_a_key_of_the_record_with_the_same_json_shape(Type projection, Type model)
    {
        foreach (var property in projection.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var original = model.GetProperty(property.Name, BindingFlags.Public | BindingFlags.Instance);
            Assert.True(original is not null, $"{projection.Name}.{property.Name} is not a key of {model.Name}");
            Assert.Equal(Shape(original!.PropertyType), Shape(property.PropertyType));
        }
    }

    [Fact]
    public void A_record_reads_as_its_summary_and_the_summary_round_trips()
    {
        var record = new RunRecord
        {
            RunId = "20261128-071522-123-3f9a1c",
            Name = "baseline",
            Status = RunStatus.Finished,
            StartTime = "2026-11-28T07:15:22.123Z",
            EndTime = "2026-11-28T07:15:23.000Z",
            LastWriteTime = "2026-11-28T07:15:23.001Z",
            Build = new RunBuildSection { Assembly = "Trainer", Fingerprint = "sha256:" + new string('c', 64), Commit = new string('a', 40), Branch = "main", Dirty = true, Patch = "build.patch" },
            Params = { ["trees"] = "100", ["learningRate"] = "0.01" },
            Metrics = { ["loss"] = new MetricSummary { Last = double.NaN, Step = 3, Min = 0.1, Max = double.PositiveInfinity, Count = 4 } },
            Share = new RunShareSection { Remote = "origin", IntervalSeconds = 120 },
        };
        record.Environment.User = "ada";
        record.Environment.Host = "gpu-1";
        record.Steps.Add(new RunStep { Name = "train", Status = RunStatus.Finished });

        var summary = RunRecordSerializer.SummaryFromUtf8Bytes(RunRecordSerializer.ToUtf8Bytes(record));

        Assert.Equal((record.RunId, record.Name, record.Status, record.StartTime, record.EndTime, record.LastWriteTime), (summary.RunId, summary.Name, summary.Status, summary.StartTime, summary.EndTime, summary.LastWriteTime));
        Assert.Equal((record.Build.Fingerprint, record.Build.Commit, record.Build.Branch, record.Build.Dirty), (summary.Build!.Fingerprint, summary.Build.Commit, summary.Build.Branch, summary.Build.Dirty));
        Assert.Equal(new[] { "learningRate", "trees" }, summary.Params.Keys); // the file's (ordinal) order
        Assert.True(double.IsNaN(summary.Metrics["loss"].Last));
        Assert.Equal(double.PositiveInfinity, summary.Metrics["loss"].Max);
        Assert.Equal(("ada", "gpu-1", 120), (summary.Environment!.User, summary.Environment.Host, summary.Share!.IntervalSeconds));

        var again = RunRecordSerializer.SummaryToUtf8Bytes(RunRecordSerializer.SummaryFromUtf8Bytes(RunRecordSerializer.SummaryToUtf8Bytes(summary)));
        Assert.Equal(RunRecordSerializer.SummaryToUtf8Bytes(summary), again);
        Assert.DoesNotContain("build.patch", Encoding.UTF8.GetString(again), StringComparison.Ordinal);
        Assert.DoesNotContain("train", Encoding.UTF8.GetString(again), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schemaVersion\":99,\"runId\":\"r\"}")]
    [InlineData("[1,2]")]
    [InlineData("{\"runId\":")]
    [InlineData("null")]
    public void What_is_not_a_record_this_library_reads_is_refused_as_invalid_data(string json) =>
        Assert.Throws<InvalidDataException>(() => RunRecordSerializer.SummaryFromUtf8Bytes(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void A_damaged_record_is_described_in_words_not_by_the_serializer()
    {
        var whole = RunRecordSerializer.ToUtf8Bytes(new RunRecord { RunId = "r1", Name = "baseline" });
        // Cut inside a value (the name): the reader then fails at the last byte. (The middle of the file, where this cut
        // was, moves whenever a key is added, and a cut right after ",\n" is reported as invalid JSON, not as an early end.)
        var partOfName = Encoding.UTF8.GetBytes("\"name\": \"base");
        var cut = whole.AsSpan(0, whole.AsSpan().IndexOf(partOfName) + partOfName.Length).ToArray();
        var wrongType = Encoding.UTF8.GetBytes("{\n  \"schemaVersion\": \"one\"\n}");

        foreach (var read in new Func<byte[], object>[] { b => RunRecordSerializer.FromUtf8Bytes(b), b => RunRecordSerializer.SummaryFromUtf8Bytes(b) })
        {
            var truncated = Assert.Throws<InvalidDataException>(() => read(cut)).Message;
            var mistyped = Assert.Throws<InvalidDataException>(() => read(wrongType)).Message;

            Assert.StartsWith("Not a run record: the JSON ends early (line ", truncated, StringComparison.Ordinal);
            Assert.Equal("Not a run record: the value at $.schemaVersion (line 2) is not of the type a record has there", mistyped);
            Assert.DoesNotContain("System.", truncated + mistyped, StringComparison.Ordinal);
            Assert.DoesNotContain("BytePositionInLine", truncated + mistyped, StringComparison.Ordinal);
        }
    }

    // Two types have the same JSON shape when both are the same type, both maps of string to the same shape, both lists of the same shape, or both objects.
    private static string Shape(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)) is { } map)
        {
            return "map of " + Shape(map.GetGenericArguments()[1]);
        }

        if (type != typeof(string) && type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } list)
        {
            return "list of " + Shape(list.GetGenericArguments()[0]);
        }

        return type.IsPrimitive || type == typeof(string) || type.Namespace == "System" ? type.Name : "object";
    }
}
