using System;
using System.IO;
using System.Text.Json;
using Repro.Build.IO;

namespace Repro.Runs.Records;

/// <summary>Reads and writes a run's <c>tags.json</c> (<see cref="RunAnnotations"/>): indented, keys in model order, written atomically.</summary>
public static class RunAnnotationsFile
{
    /// <summary>The file's name in a run's folder.</summary>
    public const string FileName = "tags.json";

    /// <summary>The largest tags.json read: tags and a note are short; anything larger is not one of ours.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>The run folder's annotations, or null when it has none.</summary>
    /// <exception cref="InvalidDataException">The file is not annotations (damaged, too large, another shape).</exception>
    public static RunAnnotations? Read(string runFolder)
    {
        var path = Path.Combine(runFolder, FileName);
        if (FileProbe.Inspect(path, followLinks: false) == FileKind.Missing)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = FileProbe.ReadAllBytes(path, MaxFileBytes);
        }
        catch (FileTooLargeException ex)
        {
            throw new InvalidDataException($"{FileName} is larger than the {MaxFileBytes / 1024} KiB annotations may have.", ex);
        }

        return FromUtf8Bytes(bytes);
    }

    /// <summary>
    /// The run folder's annotations, or null when it has none or they cannot be read: for listing and showing runs, where
    /// a damaged tags.json must not hide its run (<c>runs tag</c> reads with <see cref="Read"/> and names the problem).
    /// </summary>
    public static RunAnnotations? TryRead(string runFolder)
    {
        try
        {
            return Read(runFolder);
        }
        catch (Exception ex) when (ex is InvalidDataException || ReadFailure.IsExpected(ex))
        {
            return null;
        }
    }

    /// <exception cref="InvalidDataException">Not annotations.</exception>
    public static RunAnnotations FromUtf8Bytes(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, RunRecordReadContext.Default.RunAnnotations)
                ?? throw new InvalidDataException($"{FileName} is empty (the JSON value is null).");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Not run annotations: {JsonProblem.Describe(ex, utf8Json)}", ex);
        }
    }

    /// <summary>The file's bytes: indented JSON, keys sorted.</summary>
    public static byte[] ToUtf8Bytes(RunAnnotations annotations) =>
        IndentedJson.Write(writer => JsonSerializer.Serialize(writer, annotations, RunRecordWriteContext.Default.RunAnnotations));

    /// <summary>Writes the annotations into the run folder (a temporary file renamed over the old one).</summary>
    public static void Write(string runFolder, RunAnnotations annotations) =>
        AtomicFile.WriteIfChanged(Path.Combine(runFolder, FileName), ToUtf8Bytes(annotations));
}
