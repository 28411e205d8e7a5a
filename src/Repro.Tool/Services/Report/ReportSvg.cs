using System.Globalization;
using System.Net;
using System.Text;

namespace Repro.Tool.Services;

/// <summary>The SVG and HTML pieces the report's charts share: coordinates in invariant culture, escaped text, the run palette.</summary>
internal static class ReportSvg
{
    /// <summary>One colour per detailed run, in the order the page lists them (the curves' legend, the bars).</summary>
    public static readonly string[] Palette = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f" };

    public static string RunColor(int index) => Palette[index % Palette.Length];

    /// <summary>A coordinate: a tenth of a pixel is as fine as a screen shows.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// Opens a chart: an SVG of <paramref name="css"/> class for <paramref name="metric"/> (tests and the page find charts
    /// by both), its accessible title and its background.
    /// </summary>
    public static StringBuilder OpenChart(this StringBuilder html, string css, string metric, int width, int height, string title) =>
        html.Append("<svg class=\"").Append(css).Append("\" data-metric=\"").Append(E(metric)).Append("\" width=\"").Append(width)
            .Append("\" height=\"").Append(height)
            .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" role=\"img\"><title>").Append(E(title)).Append("</title>")
            .Append("<rect width=\"").Append(width).Append("\" height=\"").Append(height).Append("\" fill=\"#fafafa\" stroke=\"#ddd\"/>");

    public static StringBuilder Line(this StringBuilder svg, double x1, double y1, double x2, double y2, string stroke) =>
        svg.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
            .Append("\" stroke=\"").Append(stroke).Append("\"/>");

    /// <summary>A label; <paramref name="css"/> is its class (tests and the page's style find tick labels by it).</summary>
    public static StringBuilder Text(this StringBuilder svg, double x, double y, string text, string anchor, string css = "tick") =>
        svg.Append("<text class=\"").Append(css).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" text-anchor=\"")
            .Append(anchor).Append("\">")
            .Append(E(text)).Append("</text>");

    /// <summary>A vertical value axis at <paramref name="x"/> from <paramref name="top"/> to <paramref name="bottom"/>,
    /// its ticks labelled on the left.</summary>
    public static StringBuilder VerticalAxis(this StringBuilder svg, ReportAxis axis, double x, double top, double bottom, double gridTo = double.NaN)
    {
        svg.Line(x, top, x, bottom, "#888");
        foreach (var tick in axis.Ticks)
        {
            var y = bottom - axis.Fraction(tick) * (bottom - top);
            if (!double.IsNaN(gridTo))
            {
                svg.Line(x, y, gridTo, y, "#e4e4e4");
            }

            svg.Line(x - 4, y, x, y, "#888").Text(x - 6, y + 4, axis.Label(tick), "end");
        }

        return svg;
    }

    /// <summary>A horizontal axis at <paramref name="y"/> from <paramref name="left"/> to <paramref name="right"/>, its ticks labelled below.</summary>
    public static StringBuilder HorizontalAxis(this StringBuilder svg, ReportAxis axis, double y, double left, double right, double gridTo = double.NaN)
    {
        svg.Line(left, y, right, y, "#888");
        foreach (var tick in axis.Ticks)
        {
            var x = left + axis.Fraction(tick) * (right - left);
            if (!double.IsNaN(gridTo))
            {
                svg.Line(x, y, x, gridTo, "#e4e4e4");
            }

            svg.Line(x, y, x, y + 4, "#888").Text(x, y + 16, axis.Label(tick), "middle");
        }

        return svg;
    }

    /// <summary>A value as the tables show it (<see cref="Output.Format.Number"/>).</summary>
    public static string Number(double value) => Output.Format.Number(value);

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
