using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Repro.Build.IO;

/// <summary>
/// The one way Repro writes JSON files for people and tools (manifests, run records): indented with two spaces, '<',
/// '>' and '+' left readable (the files are never embedded in HTML), LF line ends on every OS, a final newline, no BOM.
/// </summary>
public static class IndentedJson
{
    /// <summary>The writer options of every JSON Repro writes for people (files, and the tool's --json on a stream).</summary>
    public static JsonWriterOptions Options => new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        // The writer uses Environment.NewLine; normalize so the bytes are the same on every OS.
        var json = Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(json);
    }
}
