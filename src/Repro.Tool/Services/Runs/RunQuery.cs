using System.Globalization;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// Which runs to list and in what order: <c>dotnet repro runs</c>'s filters (status, parameter values, metric
/// thresholds, fingerprint or commit prefix, branch, who, active only), its sort key and its grouping.
/// </summary>
public sealed class RunQuery
{
    public bool ActiveOnly { get; set; }

    public List<string> Statuses { get; } = [];

    /// <summary><c>key=value</c>: the run's parameter has that value (numbers compared as numbers).</summary>
    public List<string> Params { get; } = [];

    /// <summary><c>key=value</c>: the run has that tag with that value; <c>key</c> alone: it has the tag.</summary>
    public List<string> Tags { get; } = [];

    /// <summary><c>key&gt;=0.9</c> and the like (&gt;, &gt;=, &lt;, &lt;=, =, !=) on a metric's last value.</summary>
    public List<string> Metrics { get; } = [];

    public string? Fingerprint { get; set; }

    public string? Commit { get; set; }

    /// <summary>The branch the run's build was made on, exactly.</summary>
    public string? Branch { get; set; }

    public string? Who { get; set; }

    /// <summary>"start" (default), "name", "status", or a metric key (its last value).</summary>
    public string Sort { get; set; } = "start";

    public bool Descending { get; set; }

    public int? Limit { get; set; }

    /// <summary>
    /// The order the run index can give directly ("start" or "name") when nothing but <see cref="ActiveOnly"/> filters:
    /// then only the runs shown need to be read. Null when the query needs every run.
    /// </summary>
    public string? IndexOrder =>
        Statuses.Count == 0 && Params.Count == 0 && Metrics.Count == 0 && Tags.Count == 0 && Fingerprint is null && Commit is null && Branch is null
            && Who is null
        && Sort is "start" or "name"
            ? Sort
            : null;

    /// <summary>How many of <paramref name="runs"/> the filters keep, whatever <see cref="Limit"/> says.</summary>
    public int CountMatching(IEnumerable<RunListing> runs)
    {
        var limit = Limit;
        Limit = null;
        try
        {
            return Apply(runs).Count;
        }
        finally
        {
            Limit = limit;
        }
    }

    public List<RunListing> Apply(IEnumerable<RunListing> runs)
    {
        var conditions = Metrics.Select(ParseMetricCondition).ToList();
        var parameters = Params.Select(ParseParam).ToList();
        var tags = Tags.Select(t => t.IndexOf('=') is var at and > 0 ? (Key: t.Substring(0, at).Trim(), Value: (string?)t.Substring(at + 1).Trim())
            : (Key: t.Trim(), Value: null)).ToList();
        var selected = runs.Where(run =>
            (!ActiveOnly || run.IsActive)
            && (Statuses.Count == 0 || Statuses.Contains(run.Status, StringComparer.OrdinalIgnoreCase))
            && (Fingerprint is null || (Output.Format.Bare(run.Summary.Build?.Fingerprint) ?? "").StartsWith(Output.Format.Bare(Fingerprint)!,
                StringComparison.OrdinalIgnoreCase))
            && (Commit is null || (run.Summary.Build?.Commit ?? "").StartsWith(Commit, StringComparison.OrdinalIgnoreCase))
            && (Branch is null || string.Equals(run.Summary.Build?.Branch, Branch, StringComparison.Ordinal))
            && (Who is null || (run.Who ?? "").IndexOf(Who, StringComparison.OrdinalIgnoreCase) >= 0)
            && parameters.All(p => run.Summary.Params.TryGetValue(p.Key, out var value) && SameValue(value, p.Value))
            && tags.All(t => run.Tags.TryGetValue(t.Key, out var value) && (t.Value is null || string.Equals(value, t.Value, StringComparison.Ordinal)))
            && conditions.All(c => run.Summary.Metrics.TryGetValue(c.Key, out var metric) && c.Test(metric.Last)));

        var ordered = Sort switch
        {
            "start" => selected.OrderBy(r => r.Summary.StartTime, StringComparer.Ordinal).ThenBy(r => r.Summary.RunId, StringComparer.Ordinal),
            "name" => selected.OrderBy(r => r.Summary.Name ?? "", StringComparer.Ordinal).ThenBy(r => r.Summary.RunId, StringComparer.Ordinal),
            "status" => selected.OrderBy(r => r.Status, StringComparer.Ordinal).ThenBy(r => r.Summary.RunId, StringComparer.Ordinal),
            // Runs without the metric go last either way.
            _ => selected.OrderBy(r => r.Summary.Metrics.ContainsKey(Sort) ? 0 : 1)
                .ThenBy(r => r.Summary.Metrics.TryGetValue(Sort, out var m) ? (Descending ? -m.Last : m.Last) : 0)
                .ThenBy(r => r.Summary.RunId, StringComparer.Ordinal),
        };
        var list = (Descending && Sort is "start" or "name" or "status" ? ordered.Reverse() : ordered).ToList();
        return Limit is { } limit ? list.Take(limit).ToList() : list;
    }

    private static bool SameValue(string recorded, string wanted) =>
        string.Equals(recorded, wanted, StringComparison.Ordinal)
        || (double.TryParse(recorded, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(wanted, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            && a.Equals(b));

    private static KeyValuePair<string, string> ParseParam(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0)
        {
            throw new ToolInputException(Repro.Build.DiagnosticIds.ToolUsage, $"--param '{text}' is not key=value (for example --param learningRate=0.01).");
        }

        return new KeyValuePair<string, string>(text.Substring(0, equals).Trim(), text.Substring(equals + 1).Trim());
    }

    private static (string Key, Func<double, bool> Test) ParseMetricCondition(string text)
    {
        foreach (var op in new[] { ">=", "<=", "!=", ">", "<", "=" })
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var key = text.Substring(0, at).Trim();
            if (!double.TryParse(text.Substring(at + op.Length).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
            {
                break;
            }

            Func<double, bool> test = op switch
            {
                ">=" => v => v >= threshold,
                "<=" => v => v <= threshold,
                "!=" => v => v != threshold,
                ">" => v => v > threshold,
                "<" => v => v < threshold,
                _ => v => v == threshold,
            };
            return (key, test);
        }

        throw new ToolInputException(Repro.Build.DiagnosticIds.ToolUsage,
            $"--metric '{text}' is not a condition on a metric (for example --metric \"accuracy>=0.9\").");
    }
}
