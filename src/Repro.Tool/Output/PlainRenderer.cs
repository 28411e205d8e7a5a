using System;
using System.IO;
using System.Linq;

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
            var columns = section.Rows.Count == 0 ? 0 : section.Rows.Max(r => r.Cells.Count);
            var widths = new int[columns];
            foreach (var row in section.Rows)
            {
                for (var i = 0; i < row.Cells.Count - 1; i++)
                {
                    widths[i] = Math.Max(widths[i], Printable.Of(row.Cells[i]).Length);
                }
            }

            foreach (var row in section.Rows)
            {
                var cells = row.Cells.Select((cell, i) => i < row.Cells.Count - 1 ? Printable.Of(cell).PadRight(widths[i]) : Printable.Of(cell));
                output.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
            }

            foreach (var (text, _) in section.Lines)
            {
                output.WriteLine("  " + Printable.Of(text));
            }
        }
    }
}
