using Repro.Build;
using Repro.Build.Data;
using Repro.Build.IO;
using Repro.Runs.Records;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// "Where did this model come from?" from the file alone: its SHA-256 looked up among the inputs, outputs, step files
/// and data of every run record in the runs folder, and its content hash (<see cref="FileContentHash"/>) among the outputs:
/// a model saved again by the same training differs only in its zip's entry times, and is found as "(same content)".
/// </summary>
public static class WhichService
{
    public static (string Sha256, string RunsDirectory, IReadOnlyList<WhichMatch> Matches) Find(string file, string currentDirectory, string? runsDirectory)
    {
        var full = Path.GetFullPath(Path.Combine(currentDirectory, file));
        if (FileProbe.Inspect(full) != FileKind.Regular)
        {
            throw new ToolInputException(DiagnosticIds.ToolInputMissing, $"'{file}' is not a file: which looks a file up by its SHA-256.");
        }

        string sha256;
        try
        {
            sha256 = StreamHasher.Sha256File(full);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            throw new ToolInputException(DiagnosticIds.ToolInputMissing, $"'{file}' could not be read: {ex.Message.Split('\n')[0]}");
        }

        // A model saved again from the same training differs in its zip's entry times: outputs match by content too.
        string content;
        try
        {
            content = FileContentHash.Compute(full).Sha256;
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            content = sha256;
        }

        var runs = RunStore.Locate(currentDirectory, runsDirectory);
        var matches = new List<WhichMatch>();
        foreach (var id in RunStore.ListRunIds(runs))
        {
            var recordPath = RunStore.RecordPath(runs, id);
            RunRecord record;
            try
            {
                record = RunRecordSerializer.ReadFile(recordPath);
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                continue; // a damaged record names nothing; the others still answer
            }

            // Named by its folder, as runs lists it: a record's runId may be another run's (copied, or planted).
            record.RunId = id;

            foreach (var (role, path) in Roles(record, sha256, content))
            {
                matches.Add(new WhichMatch(record, recordPath, role, path));
            }
        }

        return (sha256, runs, matches);
    }

    private static IEnumerable<(string Role, string Path)> Roles(RunRecord run, string sha256, string content)
    {
        foreach (var output in run.Outputs.Where(o => o.Sha256 == sha256 || SameContent(o, sha256, content)))
        {
            yield return (Role(output, sha256, "output"), output.Path);
        }

        foreach (var step in run.Steps)
        {
            foreach (var output in step.Outputs.Where(o => o.Sha256 == sha256 || SameContent(o, sha256, content)))
            {
                yield return (Role(output, sha256, "output of step " + step.Name), output.Path);
            }

            foreach (var input in step.Inputs.Where(i => i.Sha256 == sha256))
            {
                yield return ("input of step " + step.Name, input.Path);
            }
        }

        foreach (var input in run.Inputs.Where(i => i.Sha256 == sha256))
        {
            yield return ("input", input.Path);
        }

        foreach (var item in run.Data.Where(d => d.Sha256 == sha256 || d.BuildSha256 == sha256))
        {
            yield return ("data", item.Name);
        }
    }

    /// <summary>An output the file matches by content only (another save of the same model), not by bytes.</summary>
    private static bool SameContent(RunFileEntry output, string sha256, string content) =>
        output.Sha256 != sha256 && output.ContentSha256 is { } recorded && recorded == content;

    private static string Role(RunFileEntry output, string sha256, string role) => output.Sha256 == sha256 ? role : role + " (same content)";
}
