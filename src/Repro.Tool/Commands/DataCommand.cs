using System.CommandLine;
using System.Text.Json;
using Repro.Build;
using Repro.Build.Ci;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary>
/// <c>dotnet repro data push|pull|status [TARGET]</c>: the data files a build's manifest lists, between the work tree,
/// the local cache and a remote (DVC's <c>push</c>, <c>pull</c>, <c>status</c>). <c>data</c> alone is <c>data status</c>.
/// </summary>
internal static class DataCommand
{
    public static Command Create(ToolConsole console)
    {
        var (target, remote, jobs, json) = Options();
        var command = new Command("data", "The build's data files in the store: push (to the remote), pull (back into the cache and the work tree), "
            + "status. Alone, the status.")
        {
            target, remote, jobs, json, Push(console), Pull(console), Status(console), Checkout(console),
        };
        command.SetAction(parse =>
            Run(parse, target, remote, jobs, json, remoteRequired: false, (store, files, asJson) => PrintStatus(console, store, files, asJson)));
        return command;
    }

    private static Command Push(ToolConsole console) => Subcommand("push",
        "Add the build's data files to the local cache (verified against the manifest's hashes) and send those the remote lacks. "
            + "A file changed since the build is named and skipped (exit code 1).",
        remoteRequired: true,
        (store, files, json) =>
        {
            var progress = new TransferProgress();
            var result = WithProgress(console, json, "Pushing data", progress, () => store.Push(files, progress));
            foreach (var file in result.Changed)
            {
                console.WriteWarning(DiagnosticIds.StoreDataChanged, $"{file.Path} changed since the build (its content no longer hashes to "
                    + $"{Format.Hash(file.Sha256)}): not pushed; rebuild to record it, then push.");
            }

            foreach (var file in result.Missing)
            {
                console.WriteWarning(DiagnosticIds.StoreObjectMissing, $"{file.Path} is neither in the work tree nor in the cache "
                    + $"({store.Cache.Directory}): not pushed.");
            }

            if (json)
            {
                console.WriteJson(writer =>
                {
                    Start(writer, "push", store, files.Count);
                    writer.WriteNumber("addedToCache", result.AddedToCache);
                    writer.WriteNumber("uploaded", result.Transfer.Transferred.Count);
                    writer.WriteNumber("alreadyOnRemote", result.Transfer.AlreadyThere.Count);
                    writer.WriteNumber("bytesUploaded", result.Transfer.BytesTransferred);
                    Paths(writer, "changed", result.Changed);
                    Paths(writer, "missing", result.Missing);
                    writer.WriteEndObject();
                });
            }
            else
            {
                var report = new Report();
                report.Line($"{result.Transfer.Transferred.Count} object(s) sent to '{store.RemoteName}' ({Format.Bytes(result.Transfer.BytesTransferred)}), "
                    + $"{result.Transfer.AlreadyThere.Count} already there; {files.Count} data file(s).", result.Complete ? Tone.Good : Tone.Bad);
                console.Write(report);
            }

            return result.Complete ? ExitCodes.Ok : ExitCodes.Differs;
        });

    private static Command Pull(ToolConsole console) => Subcommand("pull",
        "Fetch the build's data files the cache lacks from the remote (each re-hashed before it is kept) and put those missing from the work tree "
            + "there. A work-tree file that differs is left as it is and named (exit code 1).",
        remoteRequired: true,
        (store, files, json) =>
        {
            var progress = new TransferProgress();
            var result = WithProgress(console, json, "Pulling data", progress, () => store.Pull(files, progress));
            if (result.Transfer.Corrupt.Count > 0)
            {
                var (item, actual) = result.Transfer.Corrupt[0];
                var more = result.Transfer.Corrupt.Count > 1 ? $" ({result.Transfer.Corrupt.Count - 1} more object(s) too)" : "";
                throw new ToolInputException(DiagnosticIds.StoreObjectCorrupt,
                    $"Object {item.Sha256} ({item.Path}) on {store.RemoteName} ({store.RemoteUrl}) is damaged: its content hashes to {actual}{more}. "
                    + "Nothing was written for it; push it again from a clone that has the file, or tell whoever controls the remote.");
            }

            foreach (var file in result.Kept)
            {
                console.WriteWarning(DiagnosticIds.StoreDataChanged, $"{file.Path} differs from the build's ({Format.Hash(file.Sha256)}): left as it is.");
            }

            foreach (var file in result.Outside)
            {
                console.WriteWarning(DiagnosticIds.StoreDataChanged, $"{file.Path} is outside the work tree ({store.Settings.RootDirectory}): "
                    + $"fetched into the cache, not written.");
            }

            foreach (var file in result.Missing)
            {
                console.WriteWarning(DiagnosticIds.StoreObjectMissing, $"{file.Path} ({Format.Hash(file.Sha256)}) is not on '{store.RemoteName}': "
                    + $"push it from a clone that has it.");
            }

            if (json)
            {
                console.WriteJson(writer =>
                {
                    Start(writer, "pull", store, files.Count);
                    writer.WriteNumber("downloaded", result.Transfer.Transferred.Count);
                    writer.WriteNumber("alreadyInCache", result.Transfer.AlreadyThere.Count);
                    writer.WriteNumber("bytesDownloaded", result.Transfer.BytesTransferred);
                    Placement(writer, result);
                    writer.WriteEndObject();
                });
            }
            else
            {
                var report = new Report();
                report.Line($"{result.Transfer.Transferred.Count} object(s) fetched from '{store.RemoteName}' "
                    + $"({Format.Bytes(result.Transfer.BytesTransferred)}), "
                    + $"{result.Placed.Count} file(s) put into the work tree; {files.Count} data file(s).", result.Complete ? Tone.Good : Tone.Bad);
                console.Write(report);
            }

            return result.Complete ? ExitCodes.Ok : ExitCodes.Differs;
        });

    private static Command Checkout(ToolConsole console)
    {
        var (target, _, _, json) = Options();
        var force = new Option<bool>("--force", "-f")
        {
            Description = "Also replace work-tree files whose content differs from the build's (without it they are named and kept, exit code 1).",
        };
        var command = new Command("checkout",
            "Put the build's data files back into the work tree from the local cache (no remote): each verified by hash, files that already "
            + "match left alone, files that differ kept unless --force.")
        {
            target, force, json,
        };
        command.SetAction(parse =>
        {
            var loaded = ManifestLoader.Load(parse.GetValue(target)!);
            var files = DataFiles.Of(loaded, out var projectDirectory);
            using var store = DataStore.Open(projectDirectory, remote: null, jobs: null, remoteRequired: false);
            var result = store.Checkout(files, parse.GetValue(force));
            if (result.Kept.Count > 0)
            {
                var more = result.Kept.Count > 1 ? $" and {result.Kept.Count - 1} more" : "";
                console.WriteWarning(DiagnosticIds.StoreDataChanged, $"{result.Kept[0].Path}{more} differ from the build's data: left as they are; "
                    + "dotnet repro data checkout --force replaces them (their content is lost unless you keep a copy).");
            }

            foreach (var file in result.Outside)
            {
                console.WriteWarning(DiagnosticIds.StoreDataChanged, $"{file.Path} is outside the work tree ({store.Settings.RootDirectory}): not written.");
            }

            foreach (var file in result.Missing)
            {
                console.WriteWarning(DiagnosticIds.StoreObjectMissing, $"{file.Path} ({Format.Hash(file.Sha256)}) is not in the cache "
                    + $"({store.Cache.Directory}): dotnet repro data pull fetches it from the remote.");
            }

            if (parse.GetValue(json))
            {
                console.WriteJson(writer =>
                {
                    Start(writer, "checkout", store, files.Count);
                    Placement(writer, result);
                    writer.WriteEndObject();
                });
            }
            else
            {
                var report = new Report();
                report.Line($"{result.Placed.Count} file(s) put into the work tree from the cache; {files.Count} data file(s).",
                    result.Complete ? Tone.Good : Tone.Bad);
                console.Write(report);
            }

            return result.Complete ? ExitCodes.Ok : ExitCodes.Differs;
        });
        return command;
    }

    private static Command Status(ToolConsole console) => Subcommand("status",
        "Per data file of the build: in the local cache, on the remote, and unchanged, changed or missing in the work tree. "
            + "Exit code 1 when any is not all three.",
        remoteRequired: false,
        (store, files, json) => PrintStatus(console, store, files, json));

    // The options every data command takes, the manifest's files read, the store opened, then the command's own work.
    private static Command Subcommand(string name, string description, bool remoteRequired, Func<DataStore, IReadOnlyList<DataFile>, bool, int> run)
    {
        var (target, remote, jobs, json) = Options();
        var command = new Command(name, description) { target, remote, jobs, json };
        command.SetAction(parse => Run(parse, target, remote, jobs, json, remoteRequired, run));
        return command;
    }

    private static int Run(
        ParseResult parse, Argument<string> target, Option<string?> remote, Option<int?> jobs, Option<bool> json, bool remoteRequired,
        Func<DataStore, IReadOnlyList<DataFile>, bool, int> run)
    {
        var loaded = ManifestLoader.Load(parse.GetValue(target)!);
        var files = DataFiles.Of(loaded, out var projectDirectory);
        using var store = DataStore.Open(projectDirectory, parse.GetValue(remote), parse.GetValue(jobs), remoteRequired);
        return run(store, files, parse.GetValue(json));
    }

    private static int PrintStatus(ToolConsole console, DataStore store, IReadOnlyList<DataFile> files, bool json)
    {
        var entries = store.Status(files);
        if (json)
        {
            console.WriteJson(writer =>
            {
                Start(writer, "status", store, files.Count);
                writer.WriteStartArray("files");
                foreach (var entry in entries)
                {
                    writer.WriteStartObject();
                    writer.WriteString("path", entry.File.Path);
                    writer.WriteString("sha256", entry.File.Sha256);
                    writer.WriteNumber("size", entry.File.Size);
                    writer.WriteBoolean("inCache", entry.InCache);
                    if (entry.OnRemote is { } onRemote)
                    {
                        writer.WriteBoolean("onRemote", onRemote);
                    }
                    else
                    {
                        writer.WriteNull("onRemote");
                    }

                    writer.WriteString("workTree", entry.WorkTree.ToString().ToLowerInvariant());
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
        }
        else
        {
            var report = new Report();
            report.Line(store.RemoteName is null ? "No remote configured: only the cache and the work tree are shown." : $"Remote "
                + $"'{store.RemoteName}' ({store.RemoteUrl})",
                Tone.Dim);
            var section = report.Section("Data", "File", "Size", "SHA-256", "Cache", "Remote", "Work tree");
            foreach (var entry in entries)
            {
                section.Row(entry.Ok ? Tone.Normal : Tone.Bad, Printable.Of(entry.File.Path), Format.Bytes(entry.File.Size), Format.Hash(entry.File.Sha256),
                    entry.InCache ? "in cache" : "missing",
                    entry.OnRemote switch { true => "on remote", false => "missing", _ => "-" },
                    entry.WorkTree.ToString().ToLowerInvariant());
            }

            console.Write(report);
        }

        return entries.All(e => e.Ok) ? ExitCodes.Ok : ExitCodes.Differs;
    }

    private static (Argument<string> Target, Option<string?> Remote, Option<int?> Jobs, Option<bool> Json) Options() => (
        CommonOptions.Input("target", "the project in the current folder"),
        new Option<string?>("--remote", "-r") { Description = "The remote to use (default: the default remote, dotnet repro remote default)." },
        new Option<int?>("--jobs", "-j") { Description = "Parallel transfers (default: jobs of the configuration, else 4)." },
        CommonOptions.Json());

    // A progress bar on an interactive terminal only: never with --json, redirected output or in CI.
    private static T WithProgress<T>(ToolConsole console, bool json, string description, TransferProgress progress, Func<T> work) =>
        console.IsTerminal && !json && CiDetector.Detect(Environment.GetEnvironmentVariable) is null
            ? TerminalProgress.Run(description, () => progress.BytesDone, () => progress.BytesTotal, work)
            : work();

    private static void Start(Utf8JsonWriter writer, string command, DataStore store, int files)
    {
        writer.WriteStartObject();
        writer.WriteString("command", command);
        writer.WriteString("remote", store.RemoteName);
        writer.WriteString("url", store.RemoteUrl);
        writer.WriteString("cache", store.Cache.Directory);
        writer.WriteNumber("dataFiles", files);
    }

    // What pull and checkout did to the work tree, by file, under the same four names.
    private static void Placement(Utf8JsonWriter writer, DataPullResult result)
    {
        Paths(writer, "placed", result.Placed);
        Paths(writer, "kept", result.Kept);
        Paths(writer, "outside", result.Outside);
        Paths(writer, "missing", result.Missing);
    }

    private static void Paths(Utf8JsonWriter writer, string name, IEnumerable<DataFile> files)
    {
        writer.WriteStartArray(name);
        foreach (var file in files)
        {
            writer.WriteStringValue(file.Path);
        }

        writer.WriteEndArray();
    }
}
