using System.Diagnostics;
using System.Globalization;
using Repro.Build;
using Repro.Runs.Records;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// <c>dotnet repro check -- COMMAND</c>: runs a training command several times, varying what must not change its
/// results (as reprotest varies a build), and compares the run records the runs wrote: outputs by hash, metrics within
/// a tolerance, parameters exactly. What analyzers cannot see (a native library's threads, culture-dependent parsing,
/// time zones) shows up here.
/// </summary>
public static class ReproducibilityCheck
{
    /// <summary>What each execution varies, in turn: execution i gets variation i modulo the list.</summary>
    public static readonly IReadOnlyList<Variation> Variations = new[]
    {
        new Variation("as given", new Dictionary<string, string?>()),
        new Variation("1 processor, culture de-DE, time zone Pacific/Chatham, no tiered PGO", new Dictionary<string, string?>
        {
            ["DOTNET_PROCESSOR_COUNT"] = "1",
            ["LANG"] = "de_DE.UTF-8",
            ["LC_ALL"] = "de_DE.UTF-8",
            ["TZ"] = "Pacific/Chatham",
            ["DOTNET_TieredPGO"] = "0",
        }),
        new Variation("2 processors, culture tr-TR, time zone America/St_Johns, no tiered compilation", new Dictionary<string, string?>
        {
            ["DOTNET_PROCESSOR_COUNT"] = "2",
            ["LANG"] = "tr_TR.UTF-8",
            ["LC_ALL"] = "tr_TR.UTF-8",
            ["TZ"] = "America/St_Johns",
            ["DOTNET_TieredCompilation"] = "0",
        }),
    };

    /// <summary>How long one execution of the command may take unless <c>--timeout</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    /// <summary>
    /// Runs the command <paramref name="executions"/> times; returns each run's record (by execution) and the
    /// differences. An execution that outlives <paramref name="timeout"/>, or <paramref name="stop"/> (a signal to the
    /// tool), kills the command with every process it started, removes the temporary folder and ends the check with REPRO521.
    /// </summary>
    /// <param name="temporaryParent">Where the temporary folder goes (default: the system's temporary folder).</param>
    public static CheckResult Run(string command, IReadOnlyList<string> arguments, int executions, double tolerance, TimeSpan timeout, TextWriter log,
        CheckStop? stop = null, string? temporaryParent = null)
    {
        var root = Path.Combine(temporaryParent ?? Path.GetTempPath(), "repro-check-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        var records = new List<(Variation Variation, RunRecord Record)>();
        try
        {
            for (var i = 0; i < executions; i++)
            {
                var variation = Variations[i % Variations.Count];
                var runs = Path.Combine(root, "run-" + i.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(runs);
                log.WriteLine($"Run {i + 1} of {executions} ({variation.Description}) ...");
                var exit = Execute(command, arguments, runs, variation, timeout, stop, $"run {i + 1} of {executions} ({variation.Description})");
                if (exit != 0)
                {
                    throw new ToolInputException(DiagnosticIds.ToolCheckFailed,
                        $"The command exited with code {exit} in run {i + 1} ({variation.Description}); a check compares runs that finish. Run it " +
                            $"alone first.");
                }

                var ids = RunStore.ListRunIds(runs);
                if (ids.Count != 1)
                {
                    throw new ToolInputException(DiagnosticIds.ToolCheckFailed, ids.Count == 0
                        ? "The command recorded no run: it must use Repro.Runs (ReproRun.Start) so that its outputs and metrics can be compared."
                        : $"The command recorded {ids.Count} runs in one execution; a check compares one run per execution.");
                }

                records.Add((variation, RunRecordSerializer.ReadFile(RunStore.RecordPath(runs, ids[0]))));
            }
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        var differences = new List<string>();
        for (var i = 1; i < records.Count; i++)
        {
            differences.AddRange(Compare(records[0].Record, records[i].Record, tolerance).Select(d
                => $"run {i + 1} ({records[i].Variation.Description}) against run 1: {d}"));
        }

        return new CheckResult(records.Select(r => r.Variation).ToList(), records.Select(r => r.Record).ToList(), differences);
    }

    /// <summary>
    /// Every difference between two runs of the same command, most telling first: outputs (by content when recorded),
    /// then metrics, then parameters.
    /// </summary>
    public static List<string> Compare(RunRecord first, RunRecord second, double tolerance)
    {
        var differences = new List<string>();
        var firstOutputs = Outputs(first);
        var secondOutputs = Outputs(second);
        foreach (var path in firstOutputs.Keys.Union(secondOutputs.Keys).OrderBy(p => p, StringComparer.Ordinal))
        {
            firstOutputs.TryGetValue(path, out var a);
            secondOutputs.TryGetValue(path, out var b);
            if (a != b)
            {
                differences.Add(a is null || b is null ? $"output {path} is only in run {(a is null ? 2 : 1)}"
                    : $"output {path} differs by content ({Output.Format.Short(a)} vs {Output.Format.Short(b)})");
            }
        }

        foreach (var key in first.Metrics.Keys.Union(second.Metrics.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            if (!first.Metrics.TryGetValue(key, out var a) || !second.Metrics.TryGetValue(key, out var b))
            {
                differences.Add($"metric {key} is only in one run");
            }
            else if (!Close(a.Last, b.Last, tolerance) || a.Count != b.Count)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture,
                    $"metric {key}: last value {a.Last:R} vs {b.Last:R} ({a.Count} vs {b.Count} points)"));
            }
        }

        foreach (var key in first.Params.Keys.Union(second.Params.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            first.Params.TryGetValue(key, out var a);
            second.Params.TryGetValue(key, out var b);
            if (a != b)
            {
                differences.Add($"parameter {key}: {a ?? "(none)"} vs {b ?? "(none)"}");
            }
        }

        if (first.Status != second.Status)
        {
            differences.Add($"status {first.Status} vs {second.Status}");
        }

        return differences;
    }

    private static bool Close(double a, double b, double tolerance) =>
        a.Equals(b) || Math.Abs(a - b) <= tolerance * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static Dictionary<string, string?> Outputs(RunRecord record)
    {
        var outputs = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in record.Outputs.Concat(record.Steps.SelectMany(s => s.Outputs)))
        {
            // By content: two saves of the same model differ in their zip's entry times, not in what they hold.
            outputs[file.Path] = file.ContentSha256 ?? file.Sha256;
        }

        return outputs;
    }


    private static int Execute(string command, IReadOnlyList<string> arguments, string runsDirectory, Variation variation, TimeSpan timeout,
        CheckStop? stop, string which)
    {
        var start = new ProcessStartInfo(command) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[RunStore.EnvironmentVariable] = runsDirectory;
        foreach (var pair in variation.Environment)
        {
            start.Environment[pair.Key] = pair.Value;
        }

        if (stop?.Signal is { } early)
        {
            // Stopped between two runs: the next one is not started.
            throw new ToolInputException(DiagnosticIds.ToolCheckFailed,
                $"The check was stopped ({early}) before {which}: the temporary runs were removed. Run the check again to compare the runs.");
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ToolInputException(DiagnosticIds.ToolCheckFailed, $"'{command}' could not be started.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ToolInputException(DiagnosticIds.ToolCheckFailed, $"'{command}' could not be started: {ProcessTree.StartFailure(ex)}.", ex);
        }

        using (process)
        {
            if (ProcessTree.WaitOrKill(process, timeout, stop?.Token ?? CancellationToken.None))
            {
                return process.ExitCode;
            }

            var why = stop?.Signal is { } signal
                ? $"The check was stopped ({signal}) during {which}"
                : $"The command did not end within the {Describe(timeout)} of --timeout in {which}";
            throw new ToolInputException(DiagnosticIds.ToolCheckFailed,
                $"{why}: the command and every process it started were killed and the temporary runs removed. "
                + (stop?.Signal is null ? "Give it more time (--timeout 3h) or make it end on its own." : "Run the check again to compare the runs."));
        }
    }

    /// <summary>Reads <c>--timeout</c>: seconds (<c>3600</c>), or a number with <c>s</c>, <c>m</c> or <c>h</c>
    /// (<c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1.5h</c>).</summary>
    public static bool TryParseTimeout(string text, out TimeSpan timeout)
    {
        timeout = default;
        var trimmed = text.Trim();
        var unit = trimmed.Length > 0 ? char.ToLowerInvariant(trimmed[trimmed.Length - 1]) : ' ';
        var scale = unit switch { 's' => 1.0, 'm' => 60.0, 'h' => 3600.0, _ => 0.0 };
        var number = scale == 0 ? trimmed : trimmed.Substring(0, trimmed.Length - 1);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var seconds = value * (scale == 0 ? 1.0 : scale);
        // At least a second, at most a week: beyond that a bound means nothing, and TimeSpan arithmetic stays exact.
        if (seconds < 1 || seconds > 7 * 24 * 3600)
        {
            return false;
        }

        timeout = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>A timeout as people write it: 90s, 30m, 2h.</summary>
    public static string Describe(TimeSpan timeout) =>
        timeout.TotalHours >= 1 && timeout.TotalHours == Math.Floor(timeout.TotalHours) ? timeout.TotalHours.ToString(CultureInfo.InvariantCulture) + "h"
        : timeout.TotalMinutes >= 1 && timeout.TotalMinutes == Math.Floor(timeout.TotalMinutes)
            ? timeout.TotalMinutes.ToString(CultureInfo.InvariantCulture) + "m"
        : timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
