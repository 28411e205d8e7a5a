using System.Globalization;
using System.Text.Json;
using Repro.Tool.Output;

namespace Repro.Tool.Services;

/// <summary>Shows a <see cref="ReproductionResult"/>: the verdict, then what differs before what happened (toolchain, build, data, then results).</summary>
public static class ReproducePresenter
{
    /// <summary>The verdict as the JSON and the report name it.</summary>
    public static string VerdictName(ReproductionVerdict verdict) => verdict switch
    {
        ReproductionVerdict.BitIdentical => "bit-identical",
        ReproductionVerdict.WithinTolerance => "within-tolerance",
        _ => "not-reproduced",
    };

    /// <summary>The verdict in one sentence.</summary>
    public static string Headline(ReproductionResult result)
    {
        var comparison = result.Comparison;
        var id = result.Original.Record.RunId;
        return comparison.Verdict switch
        {
            ReproductionVerdict.BitIdentical =>
                $"Reproduced, bit-identical: run {id} again as run {result.Reproduction.Record.RunId}, every metric point ({comparison.PointsCompared}) " +
                    $"with the recorded bits, every output ({comparison.OutputsCompared}) with the recorded content, the data with the recorded hashes.",
            ReproductionVerdict.WithinTolerance =>
                $"Reproduced within tolerance: run {id} again as run {result.Reproduction.Record.RunId}; largest deviation: " +
                    $"{comparison.LargestDeviation!.Text}.",
            _ => $"Not reproduced: run {id} again as run {result.Reproduction.Record.RunId} differs. First difference: {comparison.Differences[0].Text}.",
        };
    }

    public static Report Build(ReproductionResult result)
    {
        var report = new Report();
        var comparison = result.Comparison;
        report.Line(Headline(result), comparison.Verdict == ReproductionVerdict.NotReproduced ? Tone.Bad : Tone.Good);
        if (comparison.Verdict == ReproductionVerdict.NotReproduced)
        {
            report.Line("Likely cause: " + result.LikelyCauses[0] + ".", Tone.Bad);
        }

        report.Line($"work tree: {result.WorkTree} (commit {Format.Short(result.Commit)}{(result.PatchApplied ? " with the recorded patch" : "")})", Tone.Dim);

        var toolchain = report.Section("Toolchain and machine", "what", "recorded", "here");
        foreach (var item in result.Toolchain.Where(t => t.Recorded is not null || t.Now is not null))
        {
            toolchain.Row(item.Differs ? Tone.Bad : Tone.Normal, item.What, item.Recorded ?? "not recorded", (item.Now ?? "none") +
                (item.Differs && item.Note is { } note ? " (" + note + ")" : ""));
        }

        var build = report.Section("Build");
        build.Line(result.LockedRestore ? "Packages restored in locked mode from the commit's packages.lock.json."
            : "No packages.lock.json in the commit: packages restored as NuGet resolves them today (the fingerprint below covers their versions).", Tone.Dim);
        var difference = result.Build.Difference!;
        build.Line(result.Build.SameFingerprint
            ? $"The build has the recorded fingerprint {Format.Hash(difference.FingerprintAfter)}."
            : $"The build's fingerprint differs ({Format.Hash(difference.FingerprintBefore)} recorded, {Format.Hash(difference.FingerprintAfter)} now) " +
                "because these inputs changed: " + string.Join(", ", difference.FingerprintInputsChanged) + ".",
            result.Build.SameFingerprint ? Tone.Good : Tone.Bad);
        foreach (var key in difference.Changed.Where(k => k.InFingerprint && k.Path != "fingerprint"))
        {
            var (was, now) = DiffPresenter.Cells(key);
            build.Line($"  {key.Path}: {was} → {now}", Tone.Bad);
        }

        foreach (var warning in result.AnalyzerWarnings)
        {
            build.Line(warning, Tone.Dim);
        }

        if (result.Data.Count > 0)
        {
            var data = report.Section("Data", "item", "sha256", "from");
            foreach (var item in result.Data)
            {
                data.Row(item.Matches ? Tone.Normal : Tone.Bad, item.Name, Format.Hash(item.FoundSha256 ?? item.RecordedSha256),
                    (item.Source == "commit" ? "the commit" : "the " + item.Source + ", verified by hash") + (item.Note is { } note ? " (" + note + ")" : ""));
            }
        }

        var run = report.Section("Run");
        run.Line($"{string.Join(' ', result.Command)} (in {result.CommandDirectory}): exit code {result.CommandExitCode}, run " +
            $"{result.Reproduction.Record.RunId} (reproduces {result.Original.Record.RunId})");
        run.Line($"Compared: {comparison.MetricsCompared} metrics ({comparison.PointsCompared} points, tolerance " +
            $"{Format.Number(result.ToleranceDefault)} relative and absolute), {comparison.OutputsCompared} outputs by content, the data and the " +
                "build by hash.",
            Tone.Dim);
        foreach (var note in comparison.Notes)
        {
            run.Line(note, Tone.Dim);
        }

        if (comparison.Differences.Count > 0)
        {
            var differences = report.Section("Differences", "kind", "name", "recorded", "reproduced");
            foreach (var item in comparison.Differences.Take(50))
            {
                differences.Row(Tone.Bad, item.Kind, item.Name, Format.Value(item.Recorded), Format.Value(item.Reproduced));
            }

            if (comparison.Differences.Count > 50)
            {
                differences.Line($"… and {comparison.Differences.Count - 50} more (--json lists them all).", Tone.Dim);
            }

            var causes = report.Section("Likely causes, most likely first");
            foreach (var cause in result.LikelyCauses)
            {
                causes.Line(cause);
            }
        }

        return report;
    }

    public static void WriteJson(Utf8JsonWriter json, ReproductionResult result, MetricTolerance tolerance)
    {
        var comparison = result.Comparison;
        json.WriteStartObject();
        json.WriteString("run", result.Original.Record.RunId);
        json.WriteString("reproduction", result.Reproduction.Record.RunId);
        json.WriteString("verdict", VerdictName(comparison.Verdict));
        json.WriteNumber("exitCode", comparison.Verdict == ReproductionVerdict.NotReproduced ? ExitCodes.Differs : ExitCodes.Ok);
        json.WriteString("summary", Headline(result));
        json.WriteString("workTree", result.WorkTree);
        json.WriteString("commit", result.Commit);
        json.WriteBoolean("patchApplied", result.PatchApplied);
        json.WriteStartArray("toolchain");
        foreach (var item in result.Toolchain)
        {
            json.WriteStartObject();
            json.WriteString("what", item.What);
            json.WriteString("recorded", item.Recorded);
            json.WriteString("here", item.Now);
            json.WriteBoolean("differs", item.Differs);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("build");
        json.WriteBoolean("lockedRestore", result.LockedRestore);
        json.WriteString("recordedFingerprint", result.Build.Difference?.FingerprintBefore);
        json.WriteString("fingerprint", result.Build.Difference?.FingerprintAfter);
        json.WriteBoolean("sameFingerprint", result.Build.SameFingerprint);
        JsonFields.Strings(json, "inputsChanged", result.Build.Difference?.FingerprintInputsChanged ?? []);
        JsonFields.Strings(json, "analyzerWarnings", result.AnalyzerWarnings);
        json.WriteEndObject();
        json.WriteStartArray("data");
        foreach (var item in result.Data)
        {
            json.WriteStartObject();
            json.WriteString("name", item.Name);
            json.WriteString("recordedSha256", item.RecordedSha256);
            json.WriteString("sha256", item.FoundSha256);
            json.WriteString("source", item.Source);
            json.WriteBoolean("matches", item.Matches);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonFields.Strings(json, "command", result.Command);
        json.WriteNumber("commandExitCode", result.CommandExitCode);
        json.WriteStartObject("tolerance");
        json.WriteNumber("default", tolerance.Default);
        foreach (var (name, value) in tolerance.PerMetric)
        {
            json.WriteNumber(name, value);
        }

        json.WriteEndObject();
        json.WriteNumber("metricsCompared", comparison.MetricsCompared);
        json.WriteNumber("pointsCompared", comparison.PointsCompared);
        json.WriteNumber("outputsCompared", comparison.OutputsCompared);
        json.WriteStartArray("differences");
        foreach (var item in comparison.Differences)
        {
            WriteDifference(json, item);
        }

        json.WriteEndArray();
        json.WritePropertyName("largestDeviation");
        if (comparison.LargestDeviation is { } largest)
        {
            WriteDifference(json, largest);
        }
        else
        {
            json.WriteNullValue();
        }

        JsonFields.Strings(json, "notes", comparison.Notes);
        JsonFields.Strings(json, "likelyCauses", result.LikelyCauses);
        json.WriteStartObject("seconds");
        foreach (var (phase, seconds) in result.Timings)
        {
            json.WriteNumber(phase, Math.Round(seconds, 3));
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDifference(Utf8JsonWriter json, ReproductionDifference item)
    {
        json.WriteStartObject();
        json.WriteString("kind", item.Kind);
        json.WriteString("name", item.Name);
        json.WriteString("recorded", item.Recorded);
        json.WriteString("reproduced", item.Reproduced);
        if (item.Step is { } step and >= 0)
        {
            json.WriteNumber("step", step);
        }

        if (!double.IsInfinity(item.Deviation))
        {
            json.WriteNumber("deviation", item.Deviation);
        }

        json.WriteString("text", item.Text);
        json.WriteEndObject();
    }
}
