namespace Repro.Tool.Output;

/// <summary>Reports for pipes, files and logs: aligned columns, no colour, no box drawing, stable from run to run.</summary>
public static class PlainRenderer
{
    public static void Render(Report report, TextWriter output)
    {
        foreach (var (text, _) in report.Heading)
        {
            output.WriteLine(Printable.Of(text));
        }

        foreach (var section in report.Sections)
        {
            if (section.Rows.Count == 0 && section.Lines.Count == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine(Printable.Of(section.Title));
            // Cells made printable once: a listing of 100,000 runs is measured and written from the same strings.
            var rows = section.Rows.Select(r => r.Cells.Select(Printable.Of).ToArray()).ToList();
            // A table of three or more named columns gets its header row, as `dotnet list package` and `docker ps` have;
            // a key/value list reads without one.
            if (rows.Count > 0 && section.Columns.Count(c => c.Length > 0) >= 3)
            {
                rows.Insert(0, section.Columns.Select(Printable.Of).ToArray());
            }

            var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
            var widths = new int[columns];
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length - 1; i++)
                {
                    widths[i] = Math.Max(widths[i], row[i].Length);
                }
            }

            foreach (var row in rows)
            {
                var cells = row.Select((cell, i) => i < row.Length - 1 ? cell.PadRight(widths[i]) : cell);
                output.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
            }

            foreach (var (text, _) in section.Lines)
            {
                output.WriteLine("  " + Printable.Of(text));
            }
        }
    }
}
