using System.CommandLine;
using Repro.Build.IO;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro diff A B</c>: what differs between two builds, grouped by section.</summary>
internal static class DiffCommand
{
    public static Command Create(ToolConsole console)
    {
        var first = new Argument<string>("before") { Description = "The earlier manifest (a .repro.json, an assembly, or a project folder)." };
        var second = new Argument<string>("after") { Description = "The later manifest." };
        var json = CommonOptions.Json();
        var all = CommonOptions.All("Show unchanged keys too (and every package key).");
        var noLog = new Option<bool>("--no-log") { Description = "Do not ask git for the commits between the two recorded commits." };
        var command = new Command("diff",
            "Show what differs between two manifests: which inputs of the fingerprint changed, commits, patches, packages, toolchain, data, " +
                "environment. Exit code 1 when they differ.")
        {
            first, second, json, all, noLog,
        };
        command.SetAction(parse =>
        {
            var here = Directory.GetCurrentDirectory();
            var runBefore = RunLoader.TryLoad(parse.GetValue(first)!, here);
            var runAfter = RunLoader.TryLoad(parse.GetValue(second)!, here);
            if (runBefore is not null || runAfter is not null)
            {
                return DiffRuns(console, runBefore, runAfter, parse.GetValue(json), parse.GetValue(all));
            }

            var before = ManifestLoader.Load(parse.GetValue(first)!);
            var after = ManifestLoader.Load(parse.GetValue(second)!);
            var difference = ManifestComparer.Compare(before, after);
            CommitRange? commits = null;
            if (!parse.GetValue(noLog) && before.Manifest.Git?.Commit is { } from && after.Manifest.Git?.Commit is { } to && from != to)
            {
                commits = GitHistory.Between(from, to, new[] { Directory.GetCurrentDirectory(), Path.GetDirectoryName(after.Path)!,
                    Path.GetDirectoryName(before.Path)! });
            }

            var patch = PatchComparer.Compare(ReadPatch(before), ReadPatch(after));
            if (parse.GetValue(json))
            {
                console.WriteJson(writer => DiffPresenter.WriteJson(writer, DiffSide.Of(before), DiffSide.Of(after), difference, commits, patch,
                    parse.GetValue(all)));
            }
            else
            {
                console.Write(DiffPresenter.Build(DiffSide.Of(before), DiffSide.Of(after), difference, commits, patch, parse.GetValue(all)));
            }

            return difference.AreSame && patch.Count == 0 ? ExitCodes.Ok : ExitCodes.Differs;
        });
        return command;
    }

    private static int DiffRuns(ToolConsole console, LoadedRun? before, LoadedRun? after, bool json, bool all)
    {
        if (before is null || after is null)
        {
            throw new ToolInputException(Repro.Build.DiagnosticIds.ToolUsage,
                "diff compares two runs or two manifests: one of the two arguments is a run and the other is not.");
        }

        var (difference, metrics) = RunComparer.Compare(before.Record, after.Record, all);
        if (json)
        {
            console.WriteJson(writer => DiffPresenter.WriteJson(writer, DiffSide.Of(before), DiffSide.Of(after), difference, null,
                Array.Empty<PatchFileChange>(), all, metrics));
        }
        else
        {
            console.Write(DiffPresenter.Build(DiffSide.Of(before), DiffSide.Of(after), difference, null, Array.Empty<PatchFileChange>(), all, metrics));
        }

        return difference.AreSame && metrics.All(m => m.Delta == 0) ? ExitCodes.Ok : ExitCodes.Differs;
    }

    private static byte[]? ReadPatch(LoadedManifest manifest)
    {
        if (manifest.PatchPath is not { } path)
        {
            return null;
        }

        try
        {
            return FileProbe.ReadAllBytes(path, 64L * 1024 * 1024);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return null; // the patch hashes are compared anyway; its lines are a courtesy
        }
    }
}
