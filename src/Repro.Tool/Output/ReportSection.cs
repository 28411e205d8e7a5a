namespace Repro.Tool.Output;

/// <summary>A titled table (or list of lines) of a human report.</summary>
public sealed class ReportSection
{
    public ReportSection(string title, params string[] columns)
    {
        Title = title;
        Columns = columns;
    }

    public string Title { get; }

    public IReadOnlyList<string> Columns { get; }

    public List<ReportRow> Rows { get; } = [];

    /// <summary>Free lines printed after the rows (commit logs, patch lines).</summary>
    public List<(string Text, Tone Tone)> Lines { get; } = [];

    public ReportSection Row(Tone tone, params string[] cells)
    {
        Rows.Add(new ReportRow(cells, tone));
        return this;
    }

    public ReportSection Row(params string[] cells) => Row(Tone.Normal, cells);

    public ReportSection Line(string text, Tone tone = Tone.Normal)
    {
        Lines.Add((text, tone));
        return this;
    }
}
