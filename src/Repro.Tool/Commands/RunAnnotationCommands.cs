using System.CommandLine;
using System.Text.RegularExpressions;
using Repro.Build;
using Repro.Build.IO;
using Repro.Build.Security;
using Repro.Runs.Records;
using Repro.Tool.Input;
using Repro.Tool.Output;

namespace Repro.Tool.Commands;

/// <summary>
/// <c>dotnet repro runs tag RUN key=value…</c> and <c>runs note RUN "text"</c>: what a team says about a run after it
/// ran, kept in the run's tags.json (never in run.json, which the running program owns) and shared by push and pull.
/// </summary>
internal static class RunAnnotationCommands
{
    private const int MaxValueLength = 1000;
    private const int MaxNoteLength = 10_000;
    private const int MaxTags = 100;

    private static readonly Regex TagKey = new("^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,99}$", RegexOptions.CultureInvariant);

    public static Command Tag(ToolConsole console)
    {
        var run = new Argument<string>("run") { Description = "The run: its id, the start of its id, its folder or its run.json." };
        var tags = new Argument<string[]>("tags") { Description = "key=value to set (repeatable); key= removes the tag.", Arity = ArgumentArity.ZeroOrMore };
        var runsDirectory = SharingOptions.RunsDirectory();
        var json = CommonOptions.Json();
        var command = new Command("tag",
            "Tag a run (key=value; key= removes one); without tags, list its tags. Shared by push and pull; filter with runs --tag.")
        {
            run, tags, runsDirectory, json,
        };
        command.SetAction(parse =>
        {
            var (folder, runId) = Locate(parse, runsDirectory, parse.GetValue(run)!);
            var annotations = ReadOrNew(folder);
            var given = parse.GetValue(tags) ?? Array.Empty<string>();
            foreach (var pair in given)
            {
                var at = pair.IndexOf('=');
                var key = at > 0 ? pair.Substring(0, at).Trim() : "";
                if (!TagKey.IsMatch(key))
                {
                    throw new ToolInputException(DiagnosticIds.ToolUsage,
                        $"'{Format.Long(pair)}' is not key=value with a key of letters, digits and _ . : / - (at most 100): for example dotnet repro " +
                            $"runs tag {runId} baseline=true.");
                }

                var value = pair.Substring(at + 1).Trim();
                if (value.Length == 0)
                {
                    annotations.Tags.Remove(key);
                    continue;
                }

                Check("tag " + key, value, MaxValueLength, allowNewLines: false);
                annotations.Tags[key] = value;
            }

            if (annotations.Tags.Count > MaxTags)
            {
                throw new ToolInputException(DiagnosticIds.ToolUsage, $"A run keeps at most {MaxTags} tags; remove some with key=.");
            }

            if (given.Length > 0)
            {
                Save(folder, annotations);
            }

            Print(console, parse.GetValue(json), runId, annotations, given.Length > 0 ? "tagged" : null);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Note(ToolConsole console)
    {
        var run = new Argument<string>("run") { Description = "The run: its id, the start of its id, its folder or its run.json." };
        var text = new Argument<string?>("text") { Description = "The note (\"\" removes it); without it, show the note.", Arity = ArgumentArity.ZeroOrOne };
        var runsDirectory = SharingOptions.RunsDirectory();
        var json = CommonOptions.Json();
        var command = new Command("note",
            "Write a note on a run (what was tried, what was learnt), or show it. Shared by push and pull, shown by show, compare and report.")
        {
            run, text, runsDirectory, json,
        };
        command.SetAction(parse =>
        {
            var (folder, runId) = Locate(parse, runsDirectory, parse.GetValue(run)!);
            var annotations = ReadOrNew(folder);
            var given = parse.GetValue(text);
            if (given is not null)
            {
                var note = given.Trim();
                Check("the note", note, MaxNoteLength, allowNewLines: true);
                annotations.Note = note.Length == 0 ? null : note;
                Save(folder, annotations);
            }

            Print(console, parse.GetValue(json), runId, annotations, given is null ? null : "noted");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static (string Folder, string RunId) Locate(ParseResult parse, Option<string?> runsDirectory, string reference)
    {
        var loaded = RunLoader.Find(SharingOptions.ExistingRunsDirectory(parse, runsDirectory), reference);
        return (Path.GetDirectoryName(loaded.Path)!, loaded.Record.RunId);
    }

    private static RunAnnotations ReadOrNew(string folder)
    {
        try
        {
            return RunAnnotationsFile.Read(folder) ?? new RunAnnotations();
        }
        catch (InvalidDataException ex)
        {
            throw new ToolInputException(DiagnosticIds.ToolInputNotManifest,
                $"{Path.Combine(folder, RunAnnotationsFile.FileName)} cannot be read ({ex.Message}): remove it to start its tags and note again.", ex);
        }
    }

    // Tags and notes are shared with the team through git: no secret may go there, and no control character may reach a terminal.
    private static void Check(string what, string value, int maxLength, bool allowNewLines)
    {
        if (value.Length > maxLength)
        {
            throw new ToolInputException(DiagnosticIds.ToolUsage, $"{what} is {value.Length} characters long; at most {maxLength} are kept.");
        }

        if (value.Any(c => char.IsControl(c) && !(allowNewLines && c is '\n' or '\t')))
        {
            throw new ToolInputException(DiagnosticIds.ToolUsage, $"{what} holds a control character; write plain text.");
        }

        if (SecretDetector.ContainsToken(value))
        {
            throw new ToolInputException(DiagnosticIds.ToolUsage,
                $"{what} looks like it holds a credential (a token or key), and tags and notes are shared with the team: leave it out.");
        }
    }

    private static void Save(string folder, RunAnnotations annotations)
    {
        annotations.LastWriteTime = RunRecordSerializer.Time(DateTime.UtcNow);
        try
        {
            RunAnnotationsFile.Write(folder, annotations);
            // The runs folder's time tells the run index that a run changed (RunIndex): a tags.json changes only the run's folder.
            Directory.SetLastWriteTimeUtc(Path.GetDirectoryName(folder)!, DateTime.UtcNow);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            throw new ToolInputException(DiagnosticIds.ToolOutputNotWritten,
                $"{Path.Combine(folder, RunAnnotationsFile.FileName)} could not be written: {ex.Message}", ex);
        }
    }

    private static void Print(ToolConsole console, bool json, string runId, RunAnnotations annotations, string? done)
    {
        if (json)
        {
            console.WriteJson(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("runId", runId);
                JsonFields.Annotations(writer, annotations);
                writer.WriteEndObject();
            });
            return;
        }

        var report = new Report();
        report.Line(done is null ? $"run {runId}" : $"run {runId} {done}", done is null ? Tone.Normal : Tone.Good);
        Services.ShowPresenter.AddAnnotations(report, annotations, all: false);
        console.Write(report);
    }
}
