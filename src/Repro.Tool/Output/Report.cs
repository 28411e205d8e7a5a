namespace Repro.Tool.Output;

/// <summary>What a command shows a person: a few heading lines, then sections. Rendered as plain text or Spectre tables.</summary>
public sealed class Report
{
    public List<(string Text, Tone Tone)> Heading { get; } = [];

    public List<ReportSection> Sections { get; } = [];

    public Report Line(string text, Tone tone = Tone.Normal)
    {
        Heading.Add((text, tone));
        return this;
    }

    public ReportSection Section(string title, params string[] columns)
    {
        var section = new ReportSection(title, columns);
        Sections.Add(section);
        return section;
    }
}
