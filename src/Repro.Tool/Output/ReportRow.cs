namespace Repro.Tool.Output;

public sealed class ReportRow
{
    public ReportRow(IReadOnlyList<string> cells, Tone tone = Tone.Normal)
    {
        Cells = cells;
        Tone = tone;
    }

    public IReadOnlyList<string> Cells { get; }

    public Tone Tone { get; }
}
