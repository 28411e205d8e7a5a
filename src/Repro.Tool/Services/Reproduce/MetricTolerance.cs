using System.Globalization;
using Repro.Build;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// How far a reproduced metric may be from the recorded one: <c>--tolerance 1e-6</c> for every metric, <c>--tolerance
/// NAME=VALUE</c> for one. A value is within when <c>|a − b| ≤ t</c> (absolute) or <c>|a − b| ≤ t · max(|a|, |b|)</c>
/// (relative), as <c>check</c> compares; 0 asks for the same bits.
/// </summary>
public sealed class MetricTolerance
{
    /// <summary>Used when no <c>--tolerance</c> names a default.</summary>
    public const double DefaultValue = 1e-6;

    public MetricTolerance(double defaultValue, IReadOnlyDictionary<string, double> perMetric)
    {
        Default = defaultValue;
        PerMetric = perMetric;
    }

    public double Default { get; }

    public IReadOnlyDictionary<string, double> PerMetric { get; }

    public double For(string metric) => PerMetric.TryGetValue(metric, out var value) ? value : Default;

    /// <summary>Reads the values of <c>--tolerance</c>: at most one bare number, any number of NAME=VALUE.</summary>
    public static MetricTolerance Parse(IEnumerable<string> values)
    {
        double? fallback = null;
        var perMetric = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var text in values)
        {
            var equals = text.LastIndexOf('=');
            var name = equals < 0 ? null : text.Substring(0, equals).Trim();
            var number = equals < 0 ? text : text.Substring(equals + 1);
            if (!double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value)
                || double.IsInfinity(value) || value < 0 || name is { Length: 0 })
            {
                throw new ToolInputException(DiagnosticIds.ToolUsage,
                    $"--tolerance '{text}' is not a tolerance: give a number from 0 up (1e-6) for every metric, or NAME=NUMBER (accuracy=0.001) for one.");
            }

            if (name is null)
            {
                if (fallback is not null)
                {
                    throw new ToolInputException(DiagnosticIds.ToolUsage,
                        $"--tolerance is given two defaults ({fallback.Value.ToString("R", CultureInfo.InvariantCulture)} and {number.Trim()}): give one " +
                            "bare number, and NAME=NUMBER for single metrics.");
                }

                fallback = value;
            }
            else
            {
                perMetric[name] = value;
            }
        }

        return new MetricTolerance(fallback ?? DefaultValue, perMetric);
    }

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> are within <paramref name="tolerance"/> (both NaN, or the
    /// same infinity, are equal).
    /// </summary>
    public static bool Within(double a, double b, double tolerance)
    {
        if (a.Equals(b))
        {
            return true;
        }

        if (double.IsNaN(a) || double.IsNaN(b) || double.IsInfinity(a) || double.IsInfinity(b))
        {
            return false;
        }

        var delta = Math.Abs(a - b);
        return delta <= tolerance || delta <= tolerance * Math.Max(Math.Abs(a), Math.Abs(b));
    }

    /// <summary>|a − b| relative to the larger magnitude (the absolute difference when both are below 1).</summary>
    public static double Deviation(double a, double b) =>
        a.Equals(b) ? 0 : double.IsNaN(a) || double.IsNaN(b) ? double.PositiveInfinity : Math.Abs(a - b) / Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));
}
