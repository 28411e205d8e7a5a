using Spectre.Console;
using Spectre.Console.Rendering;

namespace Repro.Tool.Output;

/// <summary>Reports for a terminal: Spectre.Console tables with colour. Manifest text is never parsed as markup.</summary>
public static class TerminalRenderer
{
    public static void Render(Report report, IAnsiConsole console)
    {
        foreach (var (text, tone) in report.Heading)
        {
            console.Write(new Text(Printable.Of(text) + "\n", Style(tone)));
        }

        foreach (var section in report.Sections)
        {
            if (section.Rows.Count == 0 && section.Lines.Count == 0)
            {
                continue;
            }

            console.WriteLine();
            console.Write(new Text(Printable.Of(section.Title) + "\n", new Style(decoration: Decoration.Bold)));
            if (section.Rows.Count > 0)
            {
                var table = new Table().Border(TableBorder.Rounded).Expand();
                var columns = section.Rows.Max(r => r.Cells.Count);
                for (var i = 0; i < columns; i++)
                {
                    var header = i < section.Columns.Count ? section.Columns[i] : "";
                    table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
                }

                foreach (var row in section.Rows)
                {
                    table.AddRow(Enumerable.Range(0, columns)
                        .Select(i => (IRenderable)new Text(i < row.Cells.Count ? Printable.Of(row.Cells[i]) : "", Style(row.Tone)))
                        .ToArray());
                }

                console.Write(table);
            }

            foreach (var (text, tone) in section.Lines)
            {
                console.Write(new Text("  " + Printable.Of(text) + "\n", Style(tone)));
            }
        }
    }

    private static Style Style(Tone tone) => tone switch
    {
        Tone.Good => new Style(Color.Green),
        Tone.Bad => new Style(Color.Red, decoration: Decoration.Bold),
        Tone.Added => new Style(Color.Green),
        Tone.Removed => new Style(Color.Red),
        Tone.Dim => new Style(Color.Grey),
        _ => Spectre.Console.Style.Plain,
    };
}
