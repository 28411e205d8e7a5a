using System.Globalization;
using System.Text;
using static Repro.Tool.Services.ReportSvg;

namespace Repro.Tool.Services;

/// <summary>
/// Parameters against a metric, as MLflow, W&amp;B and ClearML draw them: one vertical axis per parameter that varies
/// among the detailed runs (numbers on a numeric scale, anything else as categories in sorted order) and one for the
/// metric, one line per run coloured by its metric value. One SVG per metric is drawn here; the page's select shows one.
/// </summary>
internal static class ParallelCoordinates
{
    /// <summary>More axes than this are unreadable at a page's width; the page names the ones left out.</summary>
    public const int MaxParameterAxes = 12;

    /// <summary>Each metric is one more SVG in the page: beyond this many the select lists the first (by name).</summary>
    public const int MaxMetrics = 40;

    private const int AxisGap = 120;
    private const int Side = 70;
    private const int Top = 50;
    private const int Bottom = 30;
    private const int Height = 340;

    /// <summary>Low to high metric value (viridis, its palest yellow left out: it vanishes on white).</summary>
    private static readonly (double R, double G, double B)[] Ramp = { (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (170, 220, 50) };

    private const string Unset = "(unset)";

    /// <param name="metric">The metric shown first; null or absent: the one most runs have (then by name).</param>
    public static void Write(StringBuilder html, IReadOnlyList<RunListing> runs, string? metric)
    {
        if (runs.Count < 2)
        {
            return;
        }

        html.Append("<h2>Parameters against a metric</h2>\n");
        var varying = runs.SelectMany(r => r.Summary.Params.Keys).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal)
            .Where(k => runs.Select(r => r.Summary.Params.GetValueOrDefault(k)).Distinct(StringComparer.Ordinal).Skip(1).Any()).ToList();
        // A system metric's last value (the CPU use of the last sample) says nothing of the parameters: its chart shows it.
        var metrics = runs.SelectMany(r => r.Summary.Metrics).Where(m => double.IsFinite(m.Value.Last) && !SystemSeries.IsSystem(m.Key))
            .GroupBy(m => m.Key, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)
            .ToList();
        if (varying.Count == 0 || metrics.Count == 0)
        {
            html.Append("<p>").Append(varying.Count == 0 ? "No parameter varies among these runs." : "No metric has a finite value.").Append("</p>\n");
            return;
        }

        var shown = metrics.Take(MaxMetrics).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var chosen = metric is not null && metrics.Contains(metric, StringComparer.Ordinal) ? metric : metrics[0];
        if (!shown.Contains(chosen, StringComparer.Ordinal))
        {
            shown.Insert(0, chosen);
        }

        var axes = varying.Take(MaxParameterAxes).Select(k => ParameterAxis.Of(k, runs)).ToList();
        html.Append("<p>One line per run (").Append(runs.Count.ToString(CultureInfo.InvariantCulture)).Append(" detailed), one axis per parameter that " +
            "varies among them");
        if (varying.Count > axes.Count)
        {
            html.Append(" (the first ").Append(axes.Count.ToString(CultureInfo.InvariantCulture)).Append(" by name; not shown: ")
                .Append(string.Join(", ", varying.Skip(axes.Count).Select(k => "<code>" + E(k) + "</code>"))).Append(')');
        }

        html.Append(", coloured by the metric's last value: <label>metric <select id=\"pc-metric\">");
        foreach (var key in shown)
        {
            html.Append("<option").Append(key == chosen ? " selected" : "").Append(" value=\"").Append(E(key)).Append("\">").Append(E(key)).Append("</option>");
        }

        html.Append("</select></label></p>\n");
        foreach (var key in shown)
        {
            html.Append("<div class=\"pc-view\" data-pc-metric=\"").Append(E(key)).Append('"').Append(key == chosen ? "" : " hidden").Append(">\n");
            Chart(html, runs, axes, key);
            html.Append("</div>\n");
        }
    }

    private static void Chart(StringBuilder html, IReadOnlyList<RunListing> runs, List<ParameterAxis> axes, string metric)
    {
        var drawn = runs.Where(r => r.Summary.Metrics.TryGetValue(metric, out var m) && double.IsFinite(m.Last)).ToList();
        var values = drawn.Select(r => r.Summary.Metrics[metric].Last).ToList();
        var metricAxis = ReportAxis.Nice(values.Min(), values.Max());
        var width = 2 * Side + axes.Count * AxisGap;
        double AxisX(int index) => Side + index * AxisGap;
        double Y(double fraction) => Height - Bottom - fraction * (Height - Top - Bottom);
        html.Append("<div class=\"scroll\">").OpenChart("parallel", metric, width, Height, "parameters against " + metric);
        // Lines first, so that the axes' labels stay readable over them.
        foreach (var run in drawn)
        {
            var value = run.Summary.Metrics[metric].Last;
            html.Append("<polyline class=\"pc-run\" data-run=\"").Append(E(run.Summary.RunId)).Append("\" fill=\"none\" stroke-width=\"2\" " +
                "stroke-opacity=\"0.85\" stroke=\"")
                .Append(Color(metricAxis.Fraction(value))).Append("\" points=\"");
            for (var a = 0; a < axes.Count; a++)
            {
                html.Append(N(AxisX(a))).Append(',').Append(N(Y(axes[a].Fraction(run.Summary.Params.GetValueOrDefault(axes[a].Key))))).Append(' ');
            }

            html.Append(N(AxisX(axes.Count))).Append(',').Append(N(Y(metricAxis.Fraction(value))))
                .Append("\"><title>").Append(E(run.Summary.RunId)).Append(": ").Append(E(metric)).Append(' ').Append(Number(value))
                    .Append("</title></polyline>");
        }

        for (var a = 0; a < axes.Count; a++)
        {
            html.Append("<g class=\"pc-axis\" data-param=\"").Append(E(axes[a].Key)).Append("\"><title>").Append(E(axes[a].Key)).Append("</title>")
                .Text(AxisX(a), NameY(a), Clip(axes[a].Key), "middle", "axis-name");
            axes[a].Draw(html, AxisX(a), Top, Height - Bottom);
            html.Append("</g>");
        }

        html.Append("<g class=\"pc-axis pc-metric\"><title>").Append(E(metric)).Append("</title>").Text(AxisX(axes.Count), NameY(axes.Count),
            Clip(metric), "middle", "axis-name")
            .VerticalAxis(metricAxis, AxisX(axes.Count), Top, Height - Bottom).Append("</g>");
        // The colour scale beside the metric's axis: what low and high look like.
        var scaleX = AxisX(axes.Count) + 14;
        for (var s = 0; s < 20; s++)
        {
            html.Append("<rect x=\"").Append(N(scaleX)).Append("\" y=\"").Append(N(Y((s
                + 1) / 20.0))).Append("\" width=\"8\" height=\"").Append(N((Height - Top - Bottom) / 20.0 + 0.5))
                .Append("\" fill=\"").Append(Color(s / 19.0)).Append("\"/>");
        }

        html.Append("</svg></div>\n");
        if (drawn.Count < runs.Count)
        {
            html.Append("<p class=\"note\">Not drawn (no finite value of ").Append(E(metric)).Append("): ")
                .Append(string.Join(", ", runs.Except(drawn).Select(r => "<code>" + E(r.Summary.RunId) + "</code>"))).Append(".</p>\n");
        }
    }

    /// <summary>A colour on the ramp, 0 the lowest metric value and 1 the highest.</summary>
    internal static string Color(double fraction)
    {
        var at = Math.Clamp(double.IsFinite(fraction) ? fraction : 0.5, 0, 1) * (Ramp.Length - 1);
        var i = Math.Min((int)at, Ramp.Length - 2);
        var t = at - i;
        int Mix(double from, double to) => (int)Math.Round(from + (to - from) * t);
        return string.Create(CultureInfo.InvariantCulture,
            $"#{Mix(Ramp[i].R, Ramp[i + 1].R):x2}{Mix(Ramp[i].G, Ramp[i + 1].G):x2}{Mix(Ramp[i].B, Ramp[i + 1].B):x2}");
    }

    /// <summary>
    /// A name that fits between two axes: its start and its end, since a sweep's parameters often share a prefix
    /// (trainer_options_l1, trainer_options_l2). The whole name is the axis' tooltip.
    /// </summary>
    private static string Clip(string text) => text.Length <= 22 ? text : text.Substring(0, 9) + "…" + text.Substring(text.Length - 12);

    /// <summary>Axis names alternate between two lines, so that each may be nearly two axes wide.</summary>
    private static double NameY(int axis) => axis % 2 == 0 ? 16 : 33;

    /// <summary>One parameter's axis: numeric when every run has a number for it, else its values (and "(unset)") as sorted categories.</summary>
    private sealed class ParameterAxis
    {
        private readonly ReportAxis? _numbers;
        private readonly List<string>? _categories;

        private ParameterAxis(string key, ReportAxis? numbers, List<string>? categories)
        {
            Key = key;
            _numbers = numbers;
            _categories = categories;
        }

        public string Key { get; }

        public static ParameterAxis Of(string key, IReadOnlyList<RunListing> runs)
        {
            var values = runs.Select(r => r.Summary.Params.GetValueOrDefault(key)).ToList();
            if (values.All(v => TryNumber(v, out _)))
            {
                var numbers = values.Select(v => TryNumber(v, out var n) ? n : 0).ToList();
                return new ParameterAxis(key, ReportAxis.Nice(numbers.Min(), numbers.Max()), null);
            }

            return new ParameterAxis(key, null, values.Select(v => v ?? Unset).Distinct(StringComparer.Ordinal).OrderBy(v => v,
                StringComparer.Ordinal).ToList());
        }

        public double Fraction(string? value)
        {
            if (_numbers is not null)
            {
                return _numbers.Fraction(TryNumber(value, out var number) ? number : _numbers.Min);
            }

            var categories = _categories!;
            // Categories sit evenly spaced, none on the very ends; one alone sits in the middle.
            return (categories.IndexOf(value ?? Unset) + 0.5) / categories.Count;
        }

        public void Draw(StringBuilder svg, double x, double top, double bottom)
        {
            if (_numbers is not null)
            {
                svg.VerticalAxis(_numbers, x, top, bottom);
                return;
            }

            svg.Line(x, top, x, bottom, "#888");
            foreach (var category in _categories!)
            {
                var y = bottom - Fraction(category) * (bottom - top);
                svg.Line(x - 4, y, x, y, "#888").Text(x - 6, y + 4, Clip(category), "end", "tick category");
            }
        }

        private static bool TryNumber(string? text, out double number) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }
}
