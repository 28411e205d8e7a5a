using System.CommandLine;
using Repro.Build;
using Repro.Build.IO;
using Repro.Runs.Records;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary>
/// <c>dotnet repro get RUN OUTPUT [-o PATH]</c>: a file (or folder) a run logged as an output, or data it read, back
/// from the local cache or the remote, verified by hash (DVC's <c>get</c>, MLflow's <c>artifacts download</c>).
/// </summary>
internal static class GetCommand
{
    public static Command Create(ToolConsole console)
    {
        var run = new Argument<string>("run") { Description = "The run: its id (or the start of it), its folder or its run.json." };
        var output = new Argument<string>("output")
        {
            Description = "The output as the run recorded it (dotnet repro show RUN lists them), or its file name; data the run read works too.",
        };
        var path = new Option<string?>("--output", "-o") { Description = "Where to write it (default: its file name in the current folder)." };
        var force = new Option<bool>("--force", "-f") { Description = "Replace a different file already at that path." };
        var remote = new Option<string?>("--remote", "-r") { Description = "The remote to fetch from when the cache lacks it (default: the default remote)." };
        var json = CommonOptions.Json();
        var command = new Command("get", "Write a run's output (a model, an artifact) or data it read, byte-identical, from the cache or the remote.")
        {
            run, output, path, force, remote, json,
        };
        command.SetAction(parse =>
        {
            var loaded = RunLoader.Find(RunStore.Locate(Directory.GetCurrentDirectory()), parse.GetValue(run)!);
            var item = Find(loaded.Record, parse.GetValue(output)!);
            using var store = DataStore.Open(Directory.GetCurrentDirectory(), parse.GetValue(remote), jobs: null, remoteRequired: false);
            var name = item.Path.TrimEnd('/');
            name = name[(name.LastIndexOf('/') + 1)..];
            var destination = Path.GetFullPath(parse.GetValue(path) ?? name);
            var unresolved = new List<RunItem>();

            // The files with their place in the destination: a file is the destination itself; a folder's files go below it.
            var files = item.IsListing
                ? store.FilesOf([item], destination, fetch: true, unresolved).Select(f => f with
                {
                    FullPath = Path.GetFullPath(Path.Combine(destination,
                    item.IsGroup ? f.Path : f.Path[item.Path.Length..])) // a group's files are named from the project folder
                }).ToList()
                : [new DataFile(item.Path, destination, item.Sha256, item.Size)];
            if (unresolved.Count > 0)
            {
                throw new ToolInputException(DiagnosticIds.StoreObjectMissing, $"The file list of '{item.Path}' ({Format.Hash(item.Sha256)}) is in neither the "
                    + $"cache{(store.RemoteName is null ? "" : $" nor '{store.RemoteName}'")}: push it from the clone that ran it (dotnet repro push, or "
                    + "dotnet repro data push --run ID).");
            }

            var within = item.IsListing ? destination : Path.GetDirectoryName(destination)!;
            var result = store.Get(files, within, parse.GetValue(force), new TransferProgress());
            if (result.Transfer.Corrupt.Count > 0)
            {
                var (bad, actual) = result.Transfer.Corrupt[0];
                throw new ToolInputException(DiagnosticIds.StoreObjectCorrupt, $"Object {bad.Sha256} ({bad.Path}) on {store.RemoteName} ({store.RemoteUrl}) "
                    + $"is damaged: its content hashes to {actual}. Nothing was written for it; push it again from a clone that has it.");
            }

            if (result.Missing.Count > 0)
            {
                var where = store.RemoteName is null ? "no remote is configured (dotnet repro remote add)" : $"'{store.RemoteName}' does not have it either";
                throw new ToolInputException(DiagnosticIds.StoreObjectMissing, $"{result.Missing[0].Path} ({Format.Hash(result.Missing[0].Sha256)}) of run "
                    + $"{loaded.Record.RunId} is not in the cache ({store.Cache.Directory}) and {where}: push it from the clone that ran it "
                    + "(dotnet repro push).");
            }

            if (result.Kept.Count > 0)
            {
                console.WriteWarning(DiagnosticIds.StoreDataChanged, $"{Printable.Of(result.Kept[0].FullPath)} exists and differs from the run's "
                    + $"{item.Path}: left as it is; --force replaces it, or -o names another path.");
            }

            if (parse.GetValue(json))
            {
                console.WriteJson(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("command", "get");
                    writer.WriteString("runId", loaded.Record.RunId);
                    writer.WriteString("output", item.Path);
                    writer.WriteString("sha256", item.Sha256);
                    writer.WriteString("path", destination);
                    writer.WriteNumber("files", files.Count);
                    writer.WriteNumber("written", result.Placed.Count);
                    writer.WriteNumber("downloaded", result.Transfer.Transferred.Count);
                    writer.WriteBoolean("complete", result.Complete);
                    writer.WriteEndObject();
                });
            }
            else
            {
                var report = new Report();
                var what = files.Count == 1 ? Format.Hash(item.Sha256) : $"{files.Count} files";
                report.Line(result.Complete
                    ? $"{item.Path} of run {loaded.Record.RunId} ({what}) is at {Printable.Of(destination)}"
                        + (result.Transfer.Transferred.Count > 0 ? $", fetched from '{store.RemoteName}'." : ".")
                    : $"{item.Path} of run {loaded.Record.RunId}: {result.Placed.Count} of {files.Count} file(s) written.",
                    result.Complete ? Tone.Good : Tone.Bad);
                console.Write(report);
            }

            return result.Complete ? ExitCodes.Ok : ExitCodes.Differs;
        });
        return command;
    }

    // Outputs first (exact path, the path of a folder without its '/', then a unique file name), then the data it read.
    private static RunItem Find(RunRecord record, string wanted)
    {
        var items = RunFiles.Items(record, data: true, outputs: true);
        var normalized = wanted.Replace('\\', '/');
        var byPath = items.Where(i => i.Path == normalized || i.Path == normalized + "/").OrderBy(i => i.IsOutput ? 0 : 1).FirstOrDefault();
        if (byPath is not null)
        {
            return byPath;
        }

        var byName = items.Where(i => i.Path.TrimEnd('/').Split('/')[^1] == normalized.TrimEnd('/')).ToList();
        if (byName.Select(i => i.Path).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return byName[0];
        }

        var known = string.Join(", ", items.Select(i => i.Path).Distinct(StringComparer.Ordinal).Take(8));
        throw new ToolInputException(DiagnosticIds.ToolInputMissing, byName.Count > 1
            ? $"'{wanted}' names {byName.Count} files of run {record.RunId}: give its path ({known})."
            : $"Run {record.RunId} has no output or data '{wanted}' with a hash{(known.Length > 0 ? $": it has {known}" : "")}.");
    }
}
