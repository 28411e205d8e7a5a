using System.Globalization;

namespace Repro.Tool.Services;

/// <summary>
/// A chart axis with round tick values (1, 2 or 5 times a power of ten) that cover the data, as plotting libraries
/// choose them: a reader compares 0.80 and 0.85, not 0.8264 and 1.0102. A range of one value is widened around that
/// value (never to value + 1, which put 1.918 over an r2 of 0.9182).
/// </summary>
internal sealed class ReportAxis
{
    private readonly int _decimals;

    private ReportAxis(double min, double max, IReadOnlyList<double> ticks, int decimals)
    {
        Min = min;
        Max = max;
        Ticks = ticks;
        _decimals = decimals;
    }

    /// <summary>The axis' lower end: the first tick.</summary>
    public double Min { get; }

    /// <summary>The axis' upper end: the last tick.</summary>
    public double Max { get; }

    public IReadOnlyList<double> Ticks { get; }

    /// <summary>An axis over <paramref name="low"/>…<paramref name="high"/> (finite) with about <paramref name="tickCount"/> ticks.</summary>
    /// <param name="integers">Steps of a training loop: no tick between two integers.</param>
    public static ReportAxis Nice(double low, double high, int tickCount = 5, bool integers = false)
    {
        if (low > high)
        {
            (low, high) = (high, low);
        }

        if (low == high)
        {
            // Symmetric around the one value, so that it sits in the middle of the chart.
            var pad = low == 0 ? 1 : Math.Abs(low) * 0.1;
            low -= integers ? Math.Max(1, Math.Ceiling(pad)) : pad;
            high += integers ? Math.Max(1, Math.Ceiling(pad)) : pad;
        }

        var range = high - low;
        if (!double.IsFinite(range) || range <= 0)
        {
            // Near double's limits (or a pad lost in rounding): the bounds themselves, as they are.
            return new ReportAxis(low, high, low == high ? new[] { low } : new[] { low, high }, -1);
        }

        var step = NiceNumber(NiceNumber(range, round: false) / Math.Max(1, tickCount - 1), round: true);
        if (integers)
        {
            step = Math.Max(1, Math.Round(step));
        }

        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step)), 0, 15);
        // A hair of tolerance: 0.3 / 0.05 is 5.999999999999999, and 0.30 must stay the last tick, not 0.35.
        var first = Math.Floor(low / step + 1e-9);
        var last = Math.Ceiling(high / step - 1e-9);
        var ticks = new List<double>();
        for (var i = first; i <= last; i++)
        {
            // Rounded to the step's decimals: 3 × 0.1 is 0.30000000000000004.
            ticks.Add(Math.Round(i * step, decimals));
        }

        return new ReportAxis(ticks[0], ticks[^1], ticks, decimals);
    }

    /// <summary>Where <paramref name="value"/> falls on the axis, 0 at <see cref="Min"/> and 1 at <see cref="Max"/>.</summary>
    public double Fraction(double value) => Max == Min ? 0.5 : (value - Min) / (Max - Min);

    /// <summary>A tick's text: as many decimals as the step needs, all ticks alike (0.80, 0.85, 0.90).</summary>
    public string Label(double tick)
    {
        if (tick == 0)
        {
            return "0";
        }

        return _decimals < 0 || _decimals > 6 || Math.Abs(tick) >= 1e7
            ? tick.ToString("G4", CultureInfo.InvariantCulture)
            : tick.ToString("F" + _decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Heckbert's "nice number": 1, 2, 5 or 10 times a power of ten near <paramref name="value"/>.</summary>
    private static double NiceNumber(double value, bool round)
    {
        var exponent = Math.Floor(Math.Log10(value));
        var power = Math.Pow(10, exponent);
        var fraction = value / power;
        double nice = round
            ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
