using System.Globalization;
using Repro.Build.IO;
using Repro.Runs.Records;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// Runs side by side (<c>dotnet repro compare</c>): per section (run, build, parameters, metrics, data, inputs and
/// outputs) one row per key with each run's value; a row differs when the runs do not all agree.
/// </summary>
public sealed class RunComparison
{
    private const long MaxPatchBytes = 256L * 1024 * 1024;

    private RunComparison(IReadOnlyList<RunRecord> runs)
    {
        Runs = runs;
    }

    public IReadOnlyList<RunRecord> Runs { get; }

    /// <summary>Sections (JSON id, title) → key → one value per run (null: the run has no such key).</summary>
    public List<(string Id, string Title, List<(string Key, string?[] Values)> Rows)> Sections { get; } = [];

    /// <summary>
    /// Per <c>system/</c> series (the sampler's CPU, memory, disk, network and GPU metrics), per run: its figures, or
    /// null when the run has no such series. Shown as the section <c>system</c>, one line per series and run.
    /// </summary>
    public SortedDictionary<string, SystemSeries?[]> SystemMetrics { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// True when every output of every run has a content hash (<see cref="RunFileEntry.ContentSha256"/>): the outputs
    /// section then compares what files hold (a model zip's entries, not their times), else their bytes.
    /// </summary>
    public bool OutputsByContent { get; private set; }

    public bool Differs => Sections.Any(s => s.Rows.Any(r => IsDifferent(r.Values)));

    public static bool IsDifferent(string?[] values) => values.Distinct(StringComparer.Ordinal).Skip(1).Any();

    /// <summary>Finds a run by id, unique id prefix, or the path of its folder or run.json, and reads it.</summary>
    public static LoadedRun Load(string runsDirectory, string reference) => RunLoader.Find(runsDirectory, reference);

    /// <param name="runs">The runs, in column order.</param>
    /// <param name="folders">Each run's folder, when known: the uncommitted code of a dirty build (its
    /// <c>build.patch</c>) is then compared file by file.</param>
    /// <param name="annotations">Each run's tags and note, when known.</param>
    public static RunComparison Compare(IReadOnlyList<RunRecord> runs, IReadOnlyList<string?>? folders = null,
        IReadOnlyList<RunAnnotations?>? annotations = null)
    {
        var comparison = new RunComparison(runs);
        comparison.Add("run", "Run", new[]
        {
            ("name", (Func<RunRecord, string?>)(r => r.Name)),
            ("reproduces", r => r.Reproduces),
            ("status", r => r.Status),
            ("started", r => r.StartTime),
            ("duration", r => Duration(r)),
            ("failure", r => r.Failure is { } f ? f.Type + ": " + f.Message : null),
        });
        comparison.Add("build", "Build", new[]
        {
            ("fingerprint", (Func<RunRecord, string?>)(r => r.Build?.Fingerprint)),
            ("commit", r => r.Build?.Commit),
            ("branch", r => r.Build?.Branch),
            ("dirty", r => r.Build?.Dirty?.ToString().ToLowerInvariant()),
            ("patch", r => r.Build?.PatchSha256),
            ("seed", r => r.Build?.Seed),
        });
        if (folders is not null)
        {
            // The code beyond the commit: what each run's build.patch changes, file by file ("dirty" alone says nothing of it).
            comparison.AddKeyed("code", "Code (uncommitted changes of the build)", (r, i) => ReadPatch(r, folders[i]));
        }

        if (annotations is not null)
        {
            comparison.AddKeyed("tags", "Tags and note", (_, i) =>
            {
                var values = annotations[i]?.Tags.ToDictionary(p => p.Key, p => p.Value) ?? new Dictionary<string, string>(StringComparer.Ordinal);
                if (annotations[i]?.Note is { } note)
                {
                    values["(note)"] = note;
                }

                return values;
            });
        }

        comparison.AddKeyed("params", "Parameters", r => r.Params.ToDictionary(p => p.Key, p => p.Value));
        comparison.AddKeyed("seeds", "Seeds", r => r.Seeds.ToDictionary(p => p.Key, p => p.Value));
        comparison.AddKeyed("metrics", "Metrics (last value)", r => r.Metrics.Where(p => !SystemSeries.IsSystem(p.Key)).ToDictionary(p => p.Key,
            p => p.Value.Last.ToString("R", CultureInfo.InvariantCulture)));
        comparison.AddKeyed("metricPoints", "Metrics (points)", r => r.Metrics.Where(p => !SystemSeries.IsSystem(p.Key)).ToDictionary(p => p.Key,
            p => p.Value.Count.ToString(CultureInfo.InvariantCulture)));
        comparison.AddSystem(folders);
        comparison.AddKeyed("data", "Data", r => r.Data.ToDictionary(d => d.Name, d => d.Sha256 is { } hash ? hash
            + (d.State == RunDataState.Unchanged ? "" : " (" + d.State + ")") : d.State));
        comparison.AddKeyed("inputs", "Inputs", r => Files(r.Inputs.Concat(r.Steps.SelectMany(s => s.Inputs))));
        // Outputs by content (a model's zip entries, not their times) when every run recorded it, else by file hash.
        var byContent = runs.All(r => r.Outputs.Concat(r.Steps.SelectMany(s => s.Outputs)).All(f => f.Sha256 is null || f.ContentSha256 is not null));
        comparison.OutputsByContent = byContent;
        comparison.AddKeyed("outputs", "Outputs", r => Files(r.Outputs.Concat(r.Steps.SelectMany(s => s.Outputs)),
            byContent));
        comparison.AddKeyed("steps", "Steps", r => r.Steps.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(s => s.Status))));
        comparison.AddKeyed("machine", "Machine", r => new Dictionary<string, string?>
        {
            ["os"] = r.Environment.Os?.Description,
            ["cpu"] = r.Environment.Cpu?.Model,
            ["logical cores"] = r.Environment.Cpu?.LogicalCores.ToString(CultureInfo.InvariantCulture),
            ["gpus"] = string.Join(", ", r.Environment.Gpus.Select(g => g.Name)),
            ["runtime"] = r.Process.Runtime,
        }.Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value!));
        return comparison;
    }

    private static Dictionary<string, string> ReadPatch(RunRecord run, string? folder)
    {
        if (folder is null || run.Build?.Patch is not { Length: > 0 } name || Path.GetFileName(name) != name)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            return PatchComparer.Summaries(FileProbe.ReadAllBytes(Path.Combine(folder, name), MaxPatchBytes));
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal) { ["(build.patch)"] = "unreadable: " + ex.Message };
        }
    }

    private static Dictionary<string, string> Files(IEnumerable<RunFileEntry> files, bool byContent = false)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            result[file.Path] = (byContent ? file.ContentSha256 ?? file.Sha256 : file.Sha256) ?? "(missing)";
        }

        return result;
    }

    private static string? Duration(RunRecord record) =>
        RunListing.ParseTime(record.StartTime) is { } start && RunListing.ParseTime(record.EndTime ?? record.LastWriteTime) is { } end
            ? Output.Format.Duration(end - start)
            : null;

    /// <summary>
    /// The <c>system/</c> series, as the section "System metrics" (<see cref="SystemSeries.Describe"/> per run); the points
    /// come from each run's metrics file when its folder is known.
    /// </summary>
    private void AddSystem(IReadOnlyList<string?>? folders)
    {
        var digests = Runs.Select((r, i) => folders?[i] is { } folder && r.Metrics.Keys.Any(SystemSeries.IsSystem) ? ReadDigest(folder) : null).ToList();
        foreach (var key in Runs.SelectMany(r => r.Metrics.Keys).Where(SystemSeries.IsSystem).Distinct(StringComparer.Ordinal))
        {
            SystemMetrics[key] = Runs.Select((r, i) => r.Metrics.TryGetValue(key, out var summary)
                ? SystemSeries.From(summary, digests[i] is { } digest && digest.Series.TryGetValue(key, out var points) ? points : null)
                : null).ToArray();
        }

        Sections.Add(("system", "System metrics (min · mean · max over the run, samples)", SystemMetrics.Select(pair =>
        {
            var present = pair.Value.OfType<SystemSeries>().ToList();
            var low = present.Select(s => s.Min).Where(double.IsFinite).DefaultIfEmpty(0).Min();
            var high = present.Select(s => s.Max).Where(double.IsFinite).DefaultIfEmpty(0).Max();
            return (pair.Key, pair.Value.Select(s => s?.Describe(pair.Key, low, high)).ToArray());
        }).ToList()));
    }

    private static MetricsDigest? ReadDigest(string folder)
    {
        try
        {
            return MetricsFileFormat.Digest(Path.Combine(folder, MetricsFileFormat.FileName));
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return null;
        }
    }

    private void Add(string id, string title, (string Key, Func<RunRecord, string?> Value)[] rows) =>
        Sections.Add((id, title, rows.Select(r => (r.Key, Runs.Select(r.Value).ToArray())).ToList()));

    private void AddKeyed(string id, string title, Func<RunRecord, Dictionary<string, string>> values) => AddKeyed(id, title, (r, _) => values(r));

    private void AddKeyed(string id, string title, Func<RunRecord, int, Dictionary<string, string>> values)
    {
        var perRun = Runs.Select(values).ToList();
        var keys = perRun.SelectMany(v => v.Keys).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal);
        Sections.Add((id, title, keys.Select(k => (k, perRun.Select(v => v.TryGetValue(k, out var value) ? value : null).ToArray())).ToList()));
    }
}
