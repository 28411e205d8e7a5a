using System.CommandLine;
using System.Text.Json;
using Repro.Build;
using Repro.Build.Ci;
using Repro.Build.Store;
using Repro.Runs.Records;
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
        var options = Options();
        var command = new Command("data", "The data files of a build or run in the store: push (to the remote), pull (back into the cache and the "
            + "work tree), status, checkout. Alone, the status.")
        {
            options.Target, options.Run, options.AllRuns, options.Remote, options.Jobs, options.Json, Push(console), Pull(console), Status(console),
            Checkout(console),
        };
        command.SetAction(parse => Run(console, parse, options, remoteRequired: false, place: true,
            (store, target, asJson) => PrintStatus(console, store, target, asJson)));
        return command;
    }

    private static Command Push(ToolConsole console) => Subcommand(console, "push",
        "Add the build's data files to the local cache (verified against the manifest's hashes) and send those the remote lacks. "
            + "A file changed since the build is named and skipped (exit code 1).",
        remoteRequired: true,
        place: false,
        (store, target, json) =>
        {
            var files = target.All;
            var progress = new TransferProgress();
            var result = WithProgress(console, json, "Pushing data", progress, () => store.Push(files, progress, target.Listings));
            foreach (var file in result.Changed)
            {
                console.WriteWarning(DiagnosticIds.StoreDataChanged, $"{file.Path} changed since {target.Origin} (its content no longer hashes to "
                    + $"{Format.Hash(file.Sha256)}): not pushed; "
                    + (target.IsRun ? "it was not kept in the cache when the run read or wrote it." : "rebuild to record it, then push."));
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
                    + $"{result.Transfer.AlreadyThere.Count} already there; {target.Describe()}.", result.Complete && target.Complete ? Tone.Good : Tone.Bad);
                console.Write(report);
            }

            return result.Complete && target.Complete ? ExitCodes.Ok : ExitCodes.Differs;
        });

    private static Command Pull(ToolConsole console) => Subcommand(console, "pull",
        "Fetch the build's data files the cache lacks from the remote (each re-hashed before it is kept) and put those missing from the work tree "
            + "there. A work-tree file that differs is left as it is and named (exit code 1).",
        remoteRequired: true,
        place: true,
        (store, target, json) =>
        {
            var files = target.Files;
            var progress = new TransferProgress();
            var result = WithProgress(console, json, "Pulling data", progress, () => store.Pull(files, progress, target.FetchOnly));
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
                    + $"{result.Placed.Count} file(s) put into the work tree; {target.Describe()}.", result.Complete && target.Complete ? Tone.Good : Tone.Bad);
                console.Write(report);
            }

            return result.Complete && target.Complete ? ExitCodes.Ok : ExitCodes.Differs;
        });

    private static Command Checkout(ToolConsole console)
    {
        var options = Options();
        var json = options.Json;
        var force = new Option<bool>("--force", "-f")
        {
            Description = "Also replace work-tree files whose content differs from the build's (without it they are named and kept, exit code 1).",
        };
        var command = new Command("checkout",
            "Put the data files of a build or run back into the work tree from the local cache (no remote): each verified by hash, files that "
            + "already match left alone, files that differ kept unless --force.")
        {
            options.Target, options.Run, force, json,
        };
        command.SetAction(parse => Run(console, parse, options, remoteRequired: false, place: true, (store, target, _) =>
        {
            var files = target.Files;
            var result = store.Checkout(files, parse.GetValue(force));
            if (result.Kept.Count > 0)
            {
                var more = result.Kept.Count > 1 ? $" and {result.Kept.Count - 1} more" : "";
                console.WriteWarning(DiagnosticIds.StoreDataChanged, $"{result.Kept[0].Path}{more} differ from the data of {target.Origin}: left as they are; "
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
                report.Line($"{result.Placed.Count} file(s) put into the work tree from the cache; {target.Describe()}.",
                    result.Complete && target.Complete ? Tone.Good : Tone.Bad);
                console.Write(report);
            }

            return result.Complete && target.Complete ? ExitCodes.Ok : ExitCodes.Differs;
        }));
        return command;
    }

    private static Command Status(ToolConsole console) => Subcommand(console, "status",
        "Per data file of the build or run (and output of a run): in the local cache, on the remote, and unchanged, changed or missing in "
            + "the work tree. Exit code 1 when any is not all three.",
        remoteRequired: false,
        place: true,
        (store, target, json) => PrintStatus(console, store, target, json));

    // The options every data command takes, the target's files read, the store opened, then the command's own work.
    private static Command Subcommand(
        ToolConsole console, string name, string description, bool remoteRequired, bool place, Func<DataStore, DataTarget, bool, int> run)
    {
        var options = Options();
        var command = new Command(name, description) { options.Target, options.Run, options.AllRuns, options.Remote, options.Jobs, options.Json };
        command.SetAction(parse => Run(console, parse, options, remoteRequired, place, run));
        return command;
    }

    // A manifest or project (its data files), or runs (--run, a run id as the target, --all-runs: the data they read and the
    // outputs they logged). place: whether files go into the work tree, which the files of one run at most can.
    private static int Run(ToolConsole console, ParseResult parse, DataOptions options, bool remoteRequired, bool place,
        Func<DataStore, DataTarget, bool, int> run)
    {
        var runReference = parse.GetValue(options.Run);
        var allRuns = options.AllRuns is not null && parse.GetValue(options.AllRuns);
        var targetGiven = parse.GetResult(options.Target) is { Implicit: false };
        if ((allRuns && (runReference is not null || targetGiven)) || (runReference is not null && targetGiven))
        {
            throw new ToolInputException(DiagnosticIds.ToolUsage, "Name one target: a build (manifest or project), --run ID, or --all-runs.");
        }

        LoadedRun? single = null;
        if (runReference is not null)
        {
            single = RunLoader.Find(RunStore.Locate(Directory.GetCurrentDirectory()), runReference);
        }
        else if (!allRuns)
        {
            var loaded = ManifestLoader.Load(parse.GetValue(options.Target)!);
            if (loaded.Origin != ManifestOrigin.Run || loaded.Run is null)
            {
                var files = DataFiles.Of(loaded, out var projectDirectory);
                using var manifestStore = DataStore.Open(projectDirectory, parse.GetValue(options.Remote), parse.GetValue(options.Jobs), remoteRequired);
                var listings = ManifestListings(manifestStore, loaded);
                return run(manifestStore, new DataTarget("the build", files, [], listings, [], IsRun: false), parse.GetValue(options.Json));
            }

            single = loaded.Run;
        }

        using var store = DataStore.Open(Directory.GetCurrentDirectory(), parse.GetValue(options.Remote), parse.GetValue(options.Jobs), remoteRequired);
        var runs = single is not null ? [single] : AllRuns(store);
        var data = new List<DataFile>();
        var outputs = new List<DataFile>();
        var listingObjects = new List<StoreObject>();
        var unresolved = new List<RunItem>();
        var fetch = remoteRequired || store.RemoteName is not null;
        foreach (var loadedRun in runs)
        {
            var items = RunFiles.Items(loadedRun.Record, data: true, outputs: true);
            var projectDirectory = RunFiles.ProjectDirectory(loadedRun.Record, store.Settings.RootDirectory);
            data.AddRange(store.FilesOf(items.Where(i => !i.IsOutput).ToList(), projectDirectory, fetch, unresolved));
            outputs.AddRange(store.FilesOf(items.Where(i => i.IsOutput).ToList(), projectDirectory, fetch, unresolved));
            listingObjects.AddRange(RunFiles.Listings(items, store.Cache));
        }

        foreach (var item in unresolved)
        {
            var where = store.RemoteName is null ? "the cache" : $"the cache, on '{store.RemoteName}'";
            console.WriteWarning(DiagnosticIds.StoreObjectMissing,
                $"the file list of '{item.Path}' ({Format.Hash(item.Sha256)}) is not in {where} or the work tree: push it from the clone that ran it "
                + "(dotnet repro data push --run ID).");
        }

        var origin = single is not null ? $"run {single.Record.RunId}" : $"{runs.Count} run(s)";
        var target = single is not null || !place
            ? new DataTarget(origin, data, outputs, listingObjects, unresolved, IsRun: true)
            : new DataTarget(origin, [], data.Concat(outputs).ToList(), listingObjects, unresolved, IsRun: true);
        return run(store, target, parse.GetValue(options.Json));
    }

    // A folder's listing goes into the cache with its files, so that a run or a clone can expand the folder by its hash.
    private static List<StoreObject> ManifestListings(DataStore store, LoadedManifest loaded)
    {
        var listings = new List<StoreObject>();
        foreach (var item in loaded.Manifest.Data.Items)
        {
            if (DirectoryListing.ForItem(item) is { } listing)
            {
                using var bytes = new MemoryStream(listing, writable: false);
                store.Cache.Add(bytes, item.Sha256!);
                listings.Add(new StoreObject(item.Sha256!, listing.Length, item.Name + " (listing)"));
            }
        }

        return listings;
    }

    private static List<LoadedRun> AllRuns(DataStore store)
    {
        var directory = RunStore.Locate(store.Settings.RootDirectory);
        var runs = new List<LoadedRun>();
        foreach (var id in Directory.Exists(directory) ? RunStore.ListRunIds(directory) : [])
        {
            try
            {
                runs.Add(RunLoader.Load(RunStore.RecordPath(directory, id), id, id));
            }
            catch (ToolInputException)
            {
                // An unreadable record references nothing this command can give; `runs` names it.
            }
        }

        return runs;
    }

    private static int PrintStatus(ToolConsole console, DataStore store, DataTarget target, bool json)
    {
        var files = target.All;
        var storeOnly = target.FetchOnly.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal);
        var entries = store.Status(files).Select(e => storeOnly.Contains(e.File.FullPath) ? e with { StoreOnly = true } : e).ToList();
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

        return entries.All(e => e.Ok) && target.Complete ? ExitCodes.Ok : ExitCodes.Differs;
    }

    private static DataOptions Options() => new(
        CommonOptions.Input("target", "the project in the current folder"),
        new Option<string?>("--run") { Description = "A run (id or its start, folder, run.json): the data it read and the outputs it logged." },
        new Option<bool>("--all-runs") { Description = "Every run of this clone (sent, or fetched into the cache; never put into the work tree)." },
        new Option<string?>("--remote", "-r") { Description = "The remote to use (default: the default remote, dotnet repro remote default)." },
        new Option<int?>("--jobs", "-j") { Description = "Parallel transfers (default: jobs of the configuration, else 4)." },
        CommonOptions.Json());

    private sealed record DataOptions(
        Argument<string> Target, Option<string?> Run, Option<bool> AllRuns, Option<string?> Remote, Option<int?> Jobs, Option<bool> Json);

    /// <summary>
    /// What a data command works on: the files it places (a build's data, one run's data), those it only sends or fetches
    /// (a run's outputs, the files of every run), the listing objects that go with them, and the items whose listing was
    /// found nowhere.
    /// </summary>
    private sealed record DataTarget(
        string Origin, IReadOnlyList<DataFile> Files, IReadOnlyList<DataFile> FetchOnly, IReadOnlyList<StoreObject> Listings,
        IReadOnlyList<RunItem> Unresolved, bool IsRun)
    {
        public IReadOnlyList<DataFile> All => Files.Concat(FetchOnly).ToList();

        public bool Complete => Unresolved.Count == 0;

        public string Describe() => IsRun
            ? $"{Files.Count} data file(s) and {FetchOnly.Count} other file(s) of {Origin}"
            : $"{Files.Count} data file(s)";
    }

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
