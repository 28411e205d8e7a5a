using System.Text.Json;
using Repro.Tool.Output;

namespace Repro.Tool.Services;

/// <summary>Shows a <see cref="ManifestDifference"/>: one screen for people, the documented JSON shape for scripts (docs/cli.md).</summary>
public static class DiffPresenter
{
    private const string PackagesPrefix = "dependencies.packages[";

    public static Report Build(DiffSide before, DiffSide after, ManifestDifference difference, CommitRange? commits,
        IReadOnlyList<PatchFileChange> patch, bool all, IReadOnlyList<MetricDelta>? metrics = null)
    {
        var report = new Report();
        report.Line($"--- {before.Source} ({Format.Hash(difference.FingerprintBefore)})", Tone.Removed);
        report.Line($"+++ {after.Source} ({Format.Hash(difference.FingerprintAfter)})", Tone.Added);
        if (difference.EmbeddedOnly)
        {
            report.Line("An assembly carries only the deterministic part: the environment and file lists were not compared.", Tone.Dim);
        }

        var changed = difference.Changed.Where(k => k.Path != "fingerprint").ToList();
        if (changed.Count == 0)
        {
            report.Line("No differences.", Tone.Good);
        }
        else if (difference.FingerprintInputsChanged.Count > 0)
        {
            if (before.Origin == "run")
            {
                // A run's build inputs are all in one section ("build"): name the keys that moved the fingerprint.
                var inputs = changed.Where(k => k.InFingerprint).Select(k => k.Path.StartsWith("build.manifest.", StringComparison.Ordinal)
                    ? k.Path.Substring("build.manifest.".Length) : k.Path)
                    .Select(p => p.Split('[')[0]).Distinct(StringComparer.Ordinal).ToList();
                report.Line($"The runs' builds differ (another fingerprint) because these inputs changed: " +
                    $"{string.Join(", ", inputs.Take(8))}{(inputs.Count > 8 ? $" and {inputs.Count - 8} more" : "")}.", Tone.Bad);
            }
            else
            {
                report.Line("The fingerprints differ because these inputs changed: " + string.Join(", ", difference.FingerprintInputsChanged) + ".", Tone.Bad);
            }
        }
        else
        {
            var same = difference.FingerprintBefore == difference.FingerprintAfter ? "equal" : "differs: different schema versions?";
            report.Line(before.Origin == "run"
                ? $"Same build (fingerprint {same}); {changed.Count} recorded value(s) of the runs differ."
                : $"Same inputs (fingerprint {same}); {changed.Count} recorded value(s) around them differ.", Tone.Good);
        }

        if (commits is not null)
        {
            var log = report.Section($"Commits {Format.Short(commits.From)}..{Format.Short(commits.To)}");
            foreach (var line in commits.Commits)
            {
                log.Line(line);
            }

            if (commits.Truncated)
            {
                log.Line($"… (only the newest {GitHistory.MaxCommits})", Tone.Dim);
            }

            if (commits.Unavailable is not null)
            {
                log.Line("(log not shown: " + commits.Unavailable + ")", Tone.Dim);
            }
            else if (commits.Commits.Count == 0)
            {
                log.Line($"(none: {Format.Short(commits.To)} is not a descendant of {Format.Short(commits.From)}; try the reverse order)", Tone.Dim);
            }
        }

        if (patch.Count > 0)
        {
            var patchSection = report.Section("Uncommitted changes (the patches)");
            foreach (var file in patch)
            {
                patchSection.Line(file.Path + " " + file.Kind switch
                {
                    KeyChangeKind.Added => "(changed only in the second)",
                    KeyChangeKind.Removed => "(changed only in the first)",
                    _ => "(changed differently)",
                });
                AddPatchLines(patchSection, file.OnlyBefore, Tone.Removed, "< ");
                AddPatchLines(patchSection, file.OnlyAfter, Tone.Added, "> ");
            }
        }

        if (metrics is { Count: > 0 })
        {
            var table = report.Section("Metrics (last values)", "metric", "before", "after", "change");
            foreach (var metric in metrics)
            {
                var change = metric.Delta is { } delta ? (delta >= 0 ? "+" : "") + Format.Number(delta) : metric.Before is null ? "added" : "removed";
                table.Row(metric.Delta == 0 ? Tone.Dim : Tone.Bad, metric.Name, metric.Before is { } b ? Format.Number(b) : "", metric.After is { } a
                    ? Format.Number(a) : "", change);
            }
        }

        if (difference.Packages.Count > 0)
        {
            var packages = report.Section("Packages", "package", "change", "before", "after");
            foreach (var package in difference.Packages)
            {
                var kind = package.Kind == KeyChangeKind.Changed && package.Before == package.After ? "content hash" : Kind(package.Kind);
                packages.Row(ToneOf(package.Kind), package.Id, kind, package.Before ?? "", package.After ?? "");
            }
        }

        foreach (var group in difference.Keys.GroupBy(k => k.Section))
        {
            var rows = group.Where(k => k.Path != "fingerprint"
                    && (all || k.Kind != KeyChangeKind.Unchanged)
                    && (all || !IsInPackagesTable(k)))
                .ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var section = report.Section(group.Key, "key", "before", "after", "fingerprint");
            foreach (var key in rows)
            {
                var name = key.Path.Length > group.Key.Length ? key.Path.Substring(group.Key.Length).TrimStart('.') : key.Path;
                var (was, now) = Cells(key);
                section.Row(ToneOf(key.Kind), name.Length == 0 ? group.Key : name, was, now, key.InFingerprint ? "input" : "");
            }
        }

        return report;
    }

    public static void WriteJson(Utf8JsonWriter json, DiffSide before, DiffSide after, ManifestDifference difference, CommitRange? commits,
        IReadOnlyList<PatchFileChange> patch, bool all, IReadOnlyList<MetricDelta>? metrics = null)
    {
        json.WriteStartObject();
        WriteSide(json, "before", before, difference.FingerprintBefore);
        WriteSide(json, "after", after, difference.FingerprintAfter);
        json.WriteBoolean("same", difference.AreSame);
        json.WriteBoolean("fingerprintChanged", !string.Equals(difference.FingerprintBefore, difference.FingerprintAfter, StringComparison.Ordinal));
        json.WriteBoolean("embeddedOnly", difference.EmbeddedOnly);
        json.WriteStartArray("fingerprintInputsChanged");
        foreach (var section in difference.FingerprintInputsChanged)
        {
            json.WriteStringValue(section);
        }

        json.WriteEndArray();
        json.WritePropertyName("commits");
        if (commits is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStartObject();
            json.WriteString("from", commits.From);
            json.WriteString("to", commits.To);
            json.WriteStartArray("log");
            foreach (var line in commits.Commits)
            {
                json.WriteStringValue(line);
            }

            json.WriteEndArray();
            json.WriteBoolean("truncated", commits.Truncated);
            json.WriteString("unavailable", commits.Unavailable);
            json.WriteEndObject();
        }

        json.WriteStartArray("patch");
        foreach (var file in patch)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            json.WriteString("change", Kind(file.Kind));
            JsonFields.Strings(json, "onlyBefore", file.OnlyBefore);
            JsonFields.Strings(json, "onlyAfter", file.OnlyAfter);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("packages");
        foreach (var package in difference.Packages)
        {
            json.WriteStartObject();
            json.WriteString("id", package.Id);
            json.WriteString("change", Kind(package.Kind));
            json.WriteString("before", package.Before);
            json.WriteString("after", package.After);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (metrics is not null)
        {
            json.WriteStartArray("metrics");
            foreach (var metric in metrics)
            {
                json.WriteStartObject();
                json.WriteString("name", metric.Name);
                JsonFields.Number(json, "before", metric.Before);
                JsonFields.Number(json, "after", metric.After);
                JsonFields.Number(json, "delta", metric.Delta);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("changes");
        foreach (var key in difference.Keys.Where(k => all || k.Kind != KeyChangeKind.Unchanged))
        {
            json.WriteStartObject();
            json.WriteString("path", key.Path);
            json.WriteString("section", key.Section);
            json.WriteString("change", Kind(key.Kind));
            json.WriteString("before", key.Kind == KeyChangeKind.Added ? null : key.Before);
            json.WriteString("after", key.Kind == KeyChangeKind.Removed ? null : key.After);
            json.WriteBoolean("inFingerprint", key.InFingerprint);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The before and after cells of a key: hashes cut, and long lists (<c>DEBUG;TRACE;…</c>) reduced to the items only
    /// one side has, so that one changed constant does not print two screens of unchanged ones.
    /// </summary>
    internal static (string Before, string After) Cells(KeyChange key)
    {
        if (key.Kind == KeyChangeKind.Added)
        {
            return ("(absent)", key.IsElement && key.After is null ? "(present)" : Format.Value(key.After));
        }

        if (key.Kind == KeyChangeKind.Removed)
        {
            return (key.IsElement && key.Before is null ? "(present)" : Format.Value(key.Before), "(absent)");
        }

        if (key.Before is { } before && key.After is { } after && (before.Length > 60 || after.Length > 60) && before.Contains(';') && after.Contains(';'))
        {
            var left = before.Split(';');
            var right = after.Split(';');
            return ("-" + string.Join(";-", left.Except(right, StringComparer.Ordinal)), "+" + string.Join(";+", right.Except(left, StringComparer.Ordinal)));
        }

        return (Format.Long(Format.Value(key.Before)), Format.Long(Format.Value(key.After)));
    }

    /// <summary>Package keys the Packages table already shows: whole packages, versions and content hashes.</summary>
    private static bool IsInPackagesTable(KeyChange key) =>
        key.Path.StartsWith(PackagesPrefix, StringComparison.Ordinal)
        && (key.IsElement || key.Path.EndsWith("].version", StringComparison.Ordinal) || key.Path.EndsWith("].sha512", StringComparison.Ordinal));

    internal static string Kind(KeyChangeKind kind) => kind switch
    {
        KeyChangeKind.Added => "added",
        KeyChangeKind.Removed => "removed",
        KeyChangeKind.Changed => "changed",
        _ => "unchanged",
    };

    private static Tone ToneOf(KeyChangeKind kind) => kind switch
    {
        KeyChangeKind.Added => Tone.Added,
        KeyChangeKind.Removed => Tone.Removed,
        KeyChangeKind.Changed => Tone.Bad,
        _ => Tone.Dim,
    };

    private static void AddPatchLines(ReportSection section, IReadOnlyList<string> lines, Tone tone, string marker)
    {
        foreach (var line in lines.Take(PatchComparer.MaxLinesPerFile))
        {
            section.Line("  " + marker + line, tone);
        }

        if (lines.Count > PatchComparer.MaxLinesPerFile)
        {
            section.Line($"  {marker}… {lines.Count - PatchComparer.MaxLinesPerFile} more lines", Tone.Dim);
        }
    }

    private static void WriteSide(Utf8JsonWriter json, string name, DiffSide side, string? fingerprint)
    {
        json.WriteStartObject(name);
        json.WriteString("source", side.Source);
        json.WriteString("origin", side.Origin);
        json.WriteString("fingerprint", fingerprint);
        json.WriteEndObject();
    }
}
