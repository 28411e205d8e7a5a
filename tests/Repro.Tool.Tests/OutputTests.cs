using System.IO;
using Repro.Tool.Output;

namespace Repro.Tool.Tests;

public sealed class OutputTests
{
    [Fact]
    public void Control_characters_from_a_manifest_never_reach_the_terminal()
    {
        Assert.Equal("main\\u001b[31mred", Printable.Of("main\u001b[31mred"));
        Assert.Equal("a\\u000ab", Printable.Of("a\nb"));
        Assert.Equal("plain", Printable.Of("plain"));
        Assert.Equal("null", Printable.Of(null));
    }

    [Fact]
    public void Plain_text_aligns_columns_and_escapes_cells()
    {
        var report = new Report().Line("heading");
        report.Section("Section", "key", "value").Row("a", "1").Row("longer", "2\u0007");
        var output = new StringWriter();

        PlainRenderer.Render(report, output);

        Assert.Equal("heading\n\nSection\n  a       1\n  longer  2\\u0007\n", output.ToString().Replace("\r\n", "\n", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Hashes_are_cut_for_people_and_sizes_are_readable()
    {
        Assert.Equal("sha256:aaaaaaaaaaaa…", Format.Hash("sha256:" + new string('a', 64)));
        Assert.Equal("10.0 KiB", Format.Bytes(10240));
        Assert.Equal("512 B", Format.Bytes(512));
        Assert.Equal("TRACE;DEBUG", Format.Value("TRACE;DEBUG"));
    }

    [Fact]
    public void Errors_are_one_line_with_their_code()
    {
        var error = new StringWriter();
        var console = new ToolConsole(new StringWriter(), error, isTerminal: false);

        console.WriteError("REPRO507", "Argument 'x' not recognized. Must be one of:\n\t'a'\n\t'b'");

        Assert.Equal("error REPRO507: Argument 'x' not recognized. Must be one of: 'a' 'b'", error.ToString().TrimEnd());
    }
}
