using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Repro.Build;
using Repro.Build.Git;
using Repro.Build.IO;
using Repro.Build.Machine;
using Repro.Build.Store;
using Repro.Runs.Records;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// <c>dotnet repro reproduce RUN</c>: a separate work tree at the run's commit with its patch (the user's checkout is
/// never touched), the run's data verified by hash, the toolchain compared, a locked restore and build compared with
/// the recorded fingerprint, the recorded command run again as a new run linked to the first (<c>reproduces</c>), and
/// the two runs compared. Anything that keeps it from trying is a <see cref="ToolInputException"/> (exit code 2).
/// </summary>
public static class ReproduceService
{
    // "<file>(line,col): warning REPRO001: <message> [<project>::TargetFramework=…]", as dotnet build prints it.
    private static readonly Regex AnalyzerWarning = new(@"^(?<where>.*?): warning (?<id>REPRO0\d\d): (?<message>.*?)(?: \[[^\]]*\])?$",
        RegexOptions.CultureInvariant);

    /// <param name="request">What to reproduce and how.</param>
    /// <param name="log">Progress lines and the command's own output (standard error: standard output is the report's).</param>
    /// <param name="stop">Set by a signal to the tool: the command's process tree is killed.</param>
    /// <param name="dataSource">Where data missing from the sources comes from; null for the user's work tree.</param>
    public static ReproductionResult Reproduce(ReproduceRequest request, TextWriter log, CheckStop? stop = null, IRunDataSource? dataSource = null)
    {
        var timings = new List<(string, double)>();
        var clock = Stopwatch.StartNew();
        var original = RunLoader.Find(request.RunsDirectory, request.Run);
        var record = original.Record;
        var loaded = record.Build?.Manifest is null
            ? throw Cannot($"Run {record.RunId} has no build link (its program embedded no manifest, REPRO403): there are no sources to give back.")
            : ManifestLoader.FromRun(original, request.Run);
        var commit = loaded.Manifest.Git?.Commit ?? throw Cannot($"Run {record.RunId}'s build recorded no git commit: there are no sources to give back.");
        var checkout = GitRepositoryLocator.Locate(Directory.GetCurrentDirectory())?.WorkingDirectory
            ?? throw Cannot("The current folder is not in a git repository: run reproduce in a clone of the run's repository.");
        var workTree = PrepareOutput(request.OutputDirectory, record.RunId);

        log.WriteLine($"reproduce: run {record.RunId}, commit {Output.Format.Short(commit)}" + (record.Build?.Dirty == true ? " with its patch" : "") +
            $", in {workTree}");
        (bool PatchApplied, IReadOnlyList<SubmoduleState> Submodules) sources;
        try
        {
            sources = RebuildService.GiveBackSources(loaded, checkout, workTree);
        }
        catch (ToolInputException ex) when (ex.Code == DiagnosticIds.ToolRebuildCannotStart)
        {
            throw Cannot(ex.Message);
        }

        var (relative, recordedRoot) = LocateProject(record, loaded.Manifest.Project.Name ?? "", workTree);
        var project = Path.Combine(workTree, relative);
        var projectFile = RebuildService.FindProjectFile(loaded.Manifest, project, relative);
        timings.Add(("sources", Lap(clock)));

        var workTreeSource = new WorkTreeDataSource(Path.Combine(checkout, relative));
        using var store = dataSource is null ? StoreDataSource.TryOpen(checkout, workTreeSource) : null;
        var source = dataSource ?? (IRunDataSource?)store ?? workTreeSource;
        var data = RunData.Place(record, project, source);
        if (data.FirstOrDefault(d => d.Missing) is { } missing)
        {
            throw new ToolInputException(DiagnosticIds.ReproduceDataMissing,
                $"data '{missing.Name}' of run {record.RunId} (SHA-256 {Output.Format.Hash(missing.RecordedSha256)}) was found neither in the commit nor in " +
                    $"the {source.Name}: {missing.Note}. Put that data back (dotnet repro data pull, or the file the run read) and run reproduce again.");
        }

        timings.Add(("data", Lap(clock)));

        var toolchain = ToolchainCheck.Compare(record, loaded.Manifest, project);
        if (request.Strict && toolchain.FirstOrDefault(t => t.Differs) is { } differs)
        {
            throw new ToolInputException(DiagnosticIds.ReproduceToolchainDiffers,
                $"--strict: the {differs.What} differs from the run's ({differs.Recorded} then, {differs.Now ?? "none"} here); reproduce on a machine like " +
                    "the run's, or leave --strict out to try and report the difference.");
        }

        timings.Add(("toolchain", Lap(clock)));

        log.WriteLine($"reproduce: building {PathText.Relative(workTree, projectFile)}");
        var locked = File.Exists(Path.Combine(project, "packages.lock.json"));
        var build = RebuildService.Build(loaded, project, projectFile, locked ? ["-p:RestoreLockedMode=true"] : []);
        if (!build.Succeeded)
        {
            var error = build.Log.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(": error ", StringComparison.Ordinal))
                ?? build.Log.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "no output";
            throw Cannot($"The run's sources did not build in {workTree}: {error}");
        }

        var warnings = build.Log.Split('\n').Select(l => AnalyzerWarning.Match(l.Trim())).Where(m => m.Success)
            .Select(m => $"{WithoutFolder(m.Groups["where"].Value, project)}: warning {m.Groups["id"].Value}: {m.Groups["message"].Value}")
            .Distinct(StringComparer.Ordinal).ToList();
        timings.Add(("build", Lap(clock)));

        Func<string, string> map = path => MapPath(path, recordedRoot, workTree);
        var command = request.Command?.ToList() ?? RecordedCommand(record, map);
        var directory = request.Command is null && record.Process.WorkingDirectory is { Length: > 0 } recordedDirectory
            && map(recordedDirectory) is var mapped && mapped != recordedDirectory && Directory.Exists(mapped) ? mapped : project;
        var runs = Path.Combine(workTree, ".repro", "reproduce-runs");
        Directory.CreateDirectory(runs);
        log.WriteLine($"reproduce: running {string.Join(' ', command.Select(Quote))}");
        var exitCode = Execute(command, directory, Environment(record, runs, project), request.Timeout, stop, log);
        timings.Add(("run", Lap(clock)));

        var reproduction = Import(runs, request.RunsDirectory, record.RunId);
        var comparison = ReproductionComparison.Compare(record, Points(original.Path), reproduction.Record, Points(reproduction.Path), request.Tolerance,
            path => RelativeOutput(path, recordedRoot, workTree, relative));
        var causes = comparison.Verdict == ReproductionVerdict.NotReproduced ? LikelyCauses(comparison, data, build, toolchain, warnings, record) : [];
        timings.Add(("compare", Lap(clock)));
        return new ReproductionResult
        {
            Original = original,
            WorkTree = workTree,
            ProjectDirectory = project,
            Commit = commit,
            PatchApplied = sources.PatchApplied,
            Data = data,
            DataSource = source.Name,
            Toolchain = toolchain,
            LockedRestore = locked,
            Build = build,
            AnalyzerWarnings = warnings,
            Command = command,
            CommandDirectory = directory,
            CommandExitCode = exitCode,
            Reproduction = reproduction,
            Comparison = comparison,
            LikelyCauses = causes,
            Timings = timings,
            ToleranceDefault = request.Tolerance.Default,
        };
    }

    /// <summary>
    /// Where the run's project is in the new work tree: the longest end of the recorded project folder's path that is a
    /// folder of the commit holding the project file. Returns that relative path and the run's work-tree root (the
    /// recorded project folder without it), whose paths are mapped into the new work tree.
    /// </summary>
    public static (string Relative, string? RecordedRoot) LocateProject(RunRecord record, string projectName, string workTree)
    {
        var recorded = record.Process.ProjectDirectory;
        var segments = (recorded ?? "").Split('/', '\\').Where(s => s.Length > 0).ToArray();
        for (var skip = 0; skip <= segments.Length; skip++)
        {
            var relative = string.Join("/", segments.Skip(skip));
            var candidate = Path.Combine(workTree, relative.Replace('/', Path.DirectorySeparatorChar));
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, projectName + ".*proj").Any())
            {
                var root = recorded is null ? null
                    : relative.Length == 0 ? recorded.TrimEnd('/', '\\')
                    : recorded.TrimEnd('/', '\\').Substring(0, recorded.TrimEnd('/', '\\').Length - relative.Length).TrimEnd('/', '\\');
                return (relative, root);
            }
        }

        throw Cannot($"The commit has no folder with the project file {projectName}.*proj that matches the run's project folder '{recorded}'.");
    }

    /// <summary>A path inside the run's work tree, in the new one; any other path unchanged.</summary>
    public static string MapPath(string path, string? recordedRoot, string workTree)
    {
        if (string.IsNullOrEmpty(recordedRoot))
        {
            return path;
        }

        if (path == recordedRoot)
        {
            return workTree;
        }

        foreach (var separator in new[] { '/', '\\' })
        {
            if (path.StartsWith(recordedRoot + separator, StringComparison.Ordinal))
            {
                return Path.Combine(workTree, path.Substring(recordedRoot!.Length + 1).Replace(separator, Path.DirectorySeparatorChar));
            }
        }

        return path;
    }

    /// <summary>
    /// The command the run ran, paths mapped: a .NET program recorded as its <c>.dll</c> (what
    /// <c>Environment.GetCommandLineArgs()</c> gives) runs with <c>dotnet</c>.
    /// </summary>
    public static List<string> RecordedCommand(RunRecord record, Func<string, string> map)
    {
        var recorded = record.Process.CommandLine;
        if (recorded.Count == 0)
        {
            throw Cannot($"Run {record.RunId} recorded no command line: give the command after -- (dotnet repro reproduce {record.RunId} -- COMMAND).");
        }

        if (recorded.FirstOrDefault(a => a.Contains(EnvironmentVariables.Redacted, StringComparison.Ordinal)) is { } redacted)
        {
            throw Cannot($"Run {record.RunId}'s command line had a secret, recorded as {EnvironmentVariables.Redacted} ('{redacted}'): give the command " +
                $"after -- (dotnet repro reproduce {record.RunId} -- COMMAND).");
        }

        var command = recorded.Select(map).ToList();
        if (command[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            command.Insert(0, "dotnet");
        }

        return command;
    }

    private static string PrepareOutput(string? outputDirectory, string runId)
    {
        var output = outputDirectory is null
            ? Path.Combine(Path.GetTempPath(), "repro-reproduce-" + runId + "-" + Guid.NewGuid().ToString("N").Substring(0, 6))
            : Path.GetFullPath(outputDirectory);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            throw Cannot($"'{outputDirectory}' is not empty: reproduce makes a fresh work tree there; name a new or empty folder.");
        }

        return output;
    }

    /// <summary>
    /// The command's environment: this process's, with the variables the run recorded that change results (threads,
    /// culture, time zone, CUDA, …; not machine paths, not redacted ones), the new work tree's runs folder, and the link.
    /// </summary>
    private static Dictionary<string, string?> Environment(RunRecord record, string runsDirectory, string project)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in record.Environment.Variables)
        {
            if (value == EnvironmentVariables.Redacted || name.StartsWith("DOTNET_ROOT", StringComparison.OrdinalIgnoreCase)
                || name is "NUGET_PACKAGES" or "DOTNET_HOST_PATH" || name.StartsWith("DOTNET_CLI_", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            environment[name] = value;
        }

        environment[RunStore.EnvironmentVariable] = runsDirectory;
        environment[RunStore.ReproducesVariable] = record.RunId;
        environment["REPRO_PROJECT_DIR"] = project;
        environment["REPRO_RUNS_SHARE"] = "false"; // the work tree's origin is the user's checkout: nothing to push to
        return environment;
    }

    private static int Execute(IReadOnlyList<string> command, string directory, Dictionary<string, string?> environment, TimeSpan timeout, CheckStop? stop,
        TextWriter log)
    {
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        if (stop?.Signal is { } early)
        {
            throw new ToolInputException(DiagnosticIds.ReproduceRunNotRecorded, $"reproduce was stopped ({early}) before the training started.");
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw Cannot($"'{command[0]}' could not be started.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw Cannot($"'{command[0]}' could not be started: {ProcessTree.StartFailure(ex)}.");
        }

        using (process)
        {
            // The command's output goes to standard error: standard output is the report's (or the JSON's).
            var gate = new object();
            process.OutputDataReceived += (_, e) => Forward(e.Data);
            process.ErrorDataReceived += (_, e) => Forward(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (ProcessTree.WaitOrKill(process, timeout, stop?.Token ?? CancellationToken.None))
            {
                process.WaitForExit(); // the last lines of output
                return process.ExitCode;
            }

            var why = stop?.Signal is { } signal
                ? $"reproduce was stopped ({signal}) during the training"
                : $"the training did not end within the {ReproducibilityCheck.Describe(timeout)} of --timeout";
            throw new ToolInputException(DiagnosticIds.ReproduceRunNotRecorded,
                $"{why}: it was killed with every process it started. " + (stop?.Signal is null
                    ? "Give it more time (--timeout 3h), or make it end on its own."
                    : "Run reproduce again to compare the runs."));

            void Forward(string? line)
            {
                if (line is not null)
                {
                    lock (gate)
                    {
                        log.WriteLine(line);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The run the command recorded, linked to the original (<c>reproduces</c>, set here when the program's Repro.Runs
    /// predates the key) and added to the user's runs folder, so that <c>runs</c>, <c>show</c> and <c>compare</c> see it.
    /// </summary>
    private static LoadedRun Import(string runs, string runsDirectory, string originalId)
    {
        var ids = RunStore.ListRunIds(runs);
        if (ids.Count == 0)
        {
            throw new ToolInputException(DiagnosticIds.ReproduceRunNotRecorded,
                "The command recorded no run: it must record one with Repro.Runs (ReproRun.Start), as the original did; if it failed before that, its " +
                    "output above says why.");
        }

        var id = ids[0];
        var folder = Path.Combine(runs, id);
        var recordPath = RunStore.RecordPath(runs, id);
        var record = RunRecordSerializer.ReadFile(recordPath);
        if (record.Reproduces != originalId)
        {
            record.Reproduces = originalId;
            var bytes = RunRecordSerializer.ToUtf8Bytes(record);
            AtomicFile.Write(recordPath, stream => stream.Write(bytes, 0, bytes.Length));
        }

        // The default store stays out of the user's commits, as Repro.Runs keeps it (.repro/.gitignore).
        var store = Path.GetDirectoryName(runsDirectory)!;
        if (Path.GetFileName(runsDirectory) == "runs" && Path.GetFileName(store) == ReproFolder.Name)
        {
            ReproFolder.EnsureGitIgnore(store);
        }

        var destination = Path.Combine(runsDirectory, id);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return RunLoader.Find(runsDirectory, id);
    }

    private static IReadOnlyList<MetricPoint>? Points(string recordPath)
    {
        var path = Path.Combine(Path.GetDirectoryName(recordPath)!, MetricsFileFormat.FileName);
        return File.Exists(path) ? MetricsFileFormat.Read(path, out _) : null;
    }

    /// <summary>An output path the run recorded, as the reproduction records it: relative to the project folder.</summary>
    private static string RelativeOutput(string path, string? recordedRoot, string workTree, string relative)
    {
        var mapped = MapPath(path, recordedRoot, workTree);
        return mapped == path ? path : PathText.Relative(Path.Combine(workTree, relative), mapped).Replace('\\', '/');
    }

    private static List<string> LikelyCauses(ReproductionComparison comparison, IReadOnlyList<DataPlacement> data, RebuildBuild build,
        IReadOnlyList<ToolchainItem> toolchain, IReadOnlyList<string> warnings, RunRecord record)
    {
        var causes = new List<string>();
        var dataItems = comparison.Differences.Where(d => d.Kind == "data").Select(d => d.Name)
            .Concat(data.Where(d => !d.Matches).Select(d => d.Name)).Distinct(StringComparer.Ordinal).ToList();
        if (dataItems.Count > 0)
        {
            causes.Add("a data difference: " + string.Join(", ", dataItems.Select(d => $"'{d}'")) + " is not the data the run read");
        }

        if (!build.SameFingerprint)
        {
            var inputs = build.Difference?.FingerprintInputsChanged ?? [];
            causes.Add("a build difference: the fingerprint differs because these inputs changed: " + string.Join(", ", inputs));
        }

        var toolchainDifferences = toolchain.Where(t => t.Differs).ToList();
        if (toolchainDifferences.Count > 0)
        {
            causes.Add("a toolchain difference: " + string.Join("; ", toolchainDifferences.Select(t => $"{t.What} {t.Recorded} then, {t.Now ?? "none"} now")));
        }

        if (warnings.Count > 0)
        {
            causes.Add("nondeterministic code the analyzers flag in the build: " + string.Join("; ", warnings));
        }

        var threads = record.Params.Where(p => p.Key.Contains("thread", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(p.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n != 1).ToList();
        if (threads.Count > 0)
        {
            causes.Add("a multi-threaded trainer: " + string.Join(", ", threads.Select(p => $"parameter {p.Key} = {p.Value}")) +
                " (parallel updates race, and their order changes the result)");
        }

        if (causes.Count == 0)
        {
            causes.Add("nondeterminism no analyzer sees (a native library's threads, an unseeded generator in a dependency): dotnet repro check -- " +
                "COMMAND runs the training several times, varying the environment, to find it");
        }

        return causes;
    }

    private static string WithoutFolder(string line, string workTree) =>
        line.Replace(workTree + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? "\"" + argument + "\"" : argument;

    private static double Lap(Stopwatch clock)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }

    internal static ToolInputException Cannot(string message) => new(DiagnosticIds.ReproduceCannotStart, message);
}
