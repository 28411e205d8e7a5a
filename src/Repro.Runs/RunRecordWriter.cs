using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Repro.Build;
using Repro.Build.Data;
using Repro.Build.IO;
using Repro.Build.Machine;
using Repro.Build.Manifest;
using Repro.Build.Store;
using Repro.Runs.Records;

namespace Repro.Runs;

/// <summary>
/// Holds one run's record and writes it: <c>run.json</c> through <see cref="RunRecordSerializer"/> and
/// <see cref="AtomicFile"/>, the metric points through <see cref="MetricBuffer"/> into <c>metrics.jsonl</c>, the build's
/// patch, the run's folder and the stat-keyed hash cache. Owns every change to the record, including the one that
/// ends it (<see cref="Close"/>), so that nothing is recorded after the end.
/// </summary>
/// <remarks>
/// Two locks, always taken in this order and never the other way round: the file lock (one <c>run.json</c> write at a
/// time, so an older snapshot can never replace a newer one on disk) and then the record lock (every read or change of
/// the record). They stay two so that logging a parameter or a step never waits for a disk write: the record lock is
/// held only while the record is changed or serialized into memory. Code holding the record lock takes no other lock
/// but <see cref="MetricBuffer"/>'s own (never while it is held) and writes no file.
/// </remarks>
internal sealed class RunRecordWriter
{
    /// <summary>The build's patch, copied into the run's folder when the build was dirty.</summary>
    private const string PatchFileName = "build.patch";

    private readonly object _recordGate = new();
    private readonly object _fileGate = new();
    private readonly RunRecord _record;
    private readonly string _runsDirectory;
    private readonly bool _defaultStore;
    private readonly Lazy<FileHashCache> _cache;
    private readonly Lazy<(StoreSettings Settings, LocalCache Cache)?> _store;
    private readonly string _cachePath;
    private readonly Dictionary<string, (string Sha256, string Step)> _stepOutputs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _printed = new(StringComparer.Ordinal);
    private volatile bool _ended;
    private bool _folderReady;
    private bool _storeWarned;
    private DateTime _lastPersist;

    /// <summary>Builds the record a run starts with: identity, process, build link, seeds and environment.</summary>
    public RunRecordWriter(
        string? name,
        DateTime startTime,
        ReproRunOptions options,
        BuildLink? build,
        string? projectDirectory,
        List<RunDiagnostic> diagnostics)
    {
        BaseDirectory = projectDirectory ?? System.IO.Directory.GetCurrentDirectory();
        RepositoryRoot = Repro.Build.Store.ReproFolder.WorkTreeRoot(BaseDirectory);
        _defaultStore = string.IsNullOrWhiteSpace(options.RunsDirectory)
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RunStore.EnvironmentVariable));
        _runsDirectory = RunStore.Locate(BaseDirectory, options.RunsDirectory);
        RunId = NewRunId(startTime);
        RunDirectory = Path.Combine(_runsDirectory, RunId);
        _record = new RunRecord
        {
            RunId = RunId,
            Name = name,
            Reproduces = ReproducedRun(),
            StartTime = Time(startTime),
            Process = new RunProcessSection
            {
                Id = CurrentProcessId(),
                CommandLine = CommandLine.Redacted(Environment.GetCommandLineArgs()),
                WorkingDirectory = System.IO.Directory.GetCurrentDirectory(),
                ProjectDirectory = projectDirectory,
                ProjectPath = ProjectPathIn(RepositoryRoot, projectDirectory),
                Runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                LibraryVersion = typeof(ReproRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            },
            Build = build?.ToSection(),
        };
        Params = new ParamSet(_record.Params);
        if (build?.Embedded.Seed is { } seed)
        {
            _record.Seeds["build"] = seed;
        }

        _record.Environment = Guarded(
            () => EnvironmentCapture.Capture(Environment.GetEnvironmentVariables(), options.EnvironmentVariables, DotnetRoot(), options.RecordHost),
            diagnostics) ?? _record.Environment;

        _cachePath = Path.Combine(_runsDirectory, "hashes.json");
        // Loaded on first use (the data check, or a logged file): reading 10,000 entries is not Start's to pay.
        _cache = new Lazy<FileHashCache>(() => LoadCache(build, projectDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
        Metrics = new MetricBuffer(Path.Combine(RunDirectory, MetricsFileFormat.FileName));
        _store = new Lazy<(StoreSettings, LocalCache)?>(OpenStore, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string RunId { get; }

    public string RunDirectory { get; }

    public string RecordPath => Path.Combine(RunDirectory, RunRecordSerializer.FileName);

    /// <summary>The project folder, or the working directory when there is none: relative paths start here.</summary>
    public string BaseDirectory { get; }

    /// <summary>The root of the git work tree holding <see cref="BaseDirectory"/>, or null outside git.</summary>
    public string? RepositoryRoot { get; }

    public string? Name => _record.Name;

    /// <summary>The run's own parameters (a step has its own set).</summary>
    public ParamSet Params { get; }

    public List<RunFileEntry> Inputs => _record.Inputs;

    public List<RunFileEntry> Outputs => _record.Outputs;

    public MetricBuffer Metrics { get; }

    /// <summary>True once <see cref="Close"/> ended the record: later points and signals are not recorded.</summary>
    public bool Ended => _ended;

    /// <summary>When run.json was last written (UTC), for the heartbeat.</summary>
    public DateTime LastPersist => _lastPersist;

    public string Status
    {
        get
        {
            lock (_recordGate)
            {
                return _record.Status;
            }
        }
    }

    /// <summary>The signal recorded by <see cref="RecordSignal"/>, or null.</summary>
    public string? Signal
    {
        get
        {
            lock (_recordGate)
            {
                return _record.Signal;
            }
        }
    }

    /// <summary>Records that the run is shared, and how (<c>share</c>).</summary>
    public void SetShare(RunShareSection share) => _record.Share = share;

    /// <summary>Sets a parameter, writes the record, and throws REPRO404 when the key already had another value.</summary>
    public void SetParam(ParamSet set, string key, object? value, string owner)
    {
        var conflict = SetParamQuietly(set, key, value, owner);
        Persist();
        if (conflict is not null)
        {
            throw new InvalidOperationException(conflict);
        }
    }

    /// <summary>Sets a parameter without writing the record; returns the REPRO404 message of a conflict (recorded, not printed).</summary>
    public string? SetParamQuietly(ParamSet set, string key, object? value, string owner)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        var text = ParamText.Format(value);
        string? conflict;
        lock (_recordGate)
        {
            conflict = set.Set(key, text, owner);
        }

        if (conflict is not null)
        {
            var message = conflict.Substring(DiagnosticIds.ParamConflict.Length + 2);
            Warn(new RunDiagnostic { Id = DiagnosticIds.ParamConflict, Message = message }, persist: false, print: false);
        }

        return conflict;
    }

    public void SetSeed(string name, string text)
    {
        lock (_recordGate)
        {
            _record.Seeds[name] = text;
        }

        Persist();
    }

    public RunStep AddStep(string name)
    {
        var record = new RunStep { Name = name, StartTime = Time(DateTime.UtcNow) };
        lock (_recordGate)
        {
            _record.Steps.Add(record);
        }

        Persist();
        return record;
    }

    public void EndStep(RunStep record, string status, RunFailure? failure, double seconds)
    {
        lock (_recordGate)
        {
            if (record.EndTime is not null)
            {
                return;
            }

            record.Status = status;
            record.Failure = failure;
            record.EndTime = Time(DateTime.UtcNow);
            record.DurationSeconds = Math.Round(seconds, 6);
        }

        Persist();
    }

    /// <summary>
    /// Hashes a file or folder now and adds it to <paramref name="list"/>; an input whose content an earlier step
    /// produced names that step (<c>producedBy</c>). <paramref name="step"/> is the name of the step that logs it, or
    /// null for the run.
    /// </summary>
    public void AddFile(List<RunFileEntry> list, string path, bool isOutput, string? step)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var (entry, fullPath) = HashPath(path, isOutput);
        lock (_recordGate)
        {
            if (entry.Sha256 is not null)
            {
                if (!isOutput && _stepOutputs.TryGetValue(fullPath, out var produced) && produced.Sha256 == entry.Sha256)
                {
                    entry.ProducedBy = produced.Step;
                }
                else if (isOutput && step is not null)
                {
                    _stepOutputs[fullPath] = (entry.Sha256, step);
                }
            }

            list.Add(entry);
        }

        if (entry.Sha256 is null)
        {
            Warn(new RunDiagnostic
            {
                Id = DiagnosticIds.RunFileMissing,
                File = entry.Path,
                Message = $"the {(isOutput ? "output" : "input")} '{path}' does not exist or is not a regular file or folder; "
                    + "it is recorded without a hash. Log files once they are written.",
            }, persist: false);
        }

        Persist();
    }

    /// <summary>Records the signal that reached the process; false (nothing recorded) when the run had ended.</summary>
    public bool RecordSignal(string signal)
    {
        lock (_recordGate)
        {
            if (_ended)
            {
                return false;
            }

            _record.Signal = signal;
            return true;
        }
    }

    /// <summary>
    /// Ends the record: its status, failure, exit code and end time, and the same end for every step still open.
    /// False when it had ended already (the first end wins). Writes nothing: <see cref="Finish"/> does.
    /// </summary>
    public bool Close(string status, RunFailure? failure, int? exitCode)
    {
        lock (_recordGate)
        {
            if (_ended)
            {
                return false;
            }

            _ended = true;
            var now = Time(DateTime.UtcNow);
            _record.Status = status;
            _record.Failure = failure;
            _record.ExitCode = exitCode;
            _record.EndTime = now;
            foreach (var step in _record.Steps)
            {
                if (step.EndTime is not null)
                {
                    continue;
                }

                step.Status = status == RunStatus.Finished ? RunStatus.Finished : status == RunStatus.Killed ? RunStatus.Killed : RunStatus.Failed;
                step.EndTime = now;
            }

            return true;
        }
    }

    /// <summary>The last writes of a closed run: every buffered point, the metrics file closed, run.json, the hash cache.</summary>
    public void Finish()
    {
        FlushMetrics();
        Metrics.Close();
        Persist();
        SaveCache();
    }

    /// <summary>Re-checks the build's data against the manifest (<see cref="DataCheck"/>) and records what it found.</summary>
    public void CheckData(BuildLink build, CancellationToken cancellation)
    {
        var diagnostics = new List<RunDiagnostic>();
        // The data goes into the store as it is hashed when the build's data is small enough (cache.runData): the bytes
        // this run reads can then be given back (dotnet repro data checkout --run); larger data goes in with data push.
        var size = build.Embedded.Data.Items.Sum(i => i.Size);
        var store = size > 0 && _store.Value is { } opened && size <= opened.Settings.RunDataMaxBytes ? opened.Cache : null;
        var entries = Guarded(
            () => DataCheck.Run(build, BaseDirectory, RepositoryRoot, _cache.Value, diagnostics, store, KeepInStore, cancellation), diagnostics);
        if (entries is not null)
        {
            lock (_recordGate)
            {
                _record.Data = entries;
            }
        }

        foreach (var diagnostic in diagnostics)
        {
            Warn(diagnostic, persist: false);
        }

        SaveCache();
        Persist();
    }

    /// <summary>
    /// Copies the build's patch of uncommitted changes into the run's folder (<c>build.patch</c>), so that the code of
    /// a dirty build travels with the run when it is shared; file diffs that hold secrets are left out, by the rule the
    /// build applies to its own patch.
    /// </summary>
    public void CopyPatch(BuildLink build)
    {
        if (_record.Build is not { } section || build.ReadPatch() is not { } patch)
        {
            return;
        }

        var kept = Repro.Build.Git.GitPatchBuilder.WithoutSecrets(patch, []);
        if (TryStore(() =>
            {
                if (EnsureFolder())
                {
                    AtomicFile.WriteIfChanged(Path.Combine(RunDirectory, PatchFileName), kept);
                }
            }) && Volatile.Read(ref _folderReady))
        {
            section.Patch = PatchFileName;
        }
    }

    public void FlushMetrics() => TryStore(() =>
    {
        if (EnsureFolder())
        {
            Metrics.Flush();
        }
    });

    /// <summary>Writes run.json (atomically) with the metric summaries of the points written so far.</summary>
    public void Persist()
    {
        var summaries = Metrics.Summaries();
        lock (_fileGate)
        {
            byte[] bytes;
            lock (_recordGate)
            {
                _lastPersist = DateTime.UtcNow;
                _record.LastWriteTime = Time(_lastPersist);
                _record.Metrics = summaries;
                bytes = RunRecordSerializer.ToUtf8Bytes(_record);
            }

            TryStore(() =>
            {
                if (EnsureFolder())
                {
                    AtomicFile.WriteIfChanged(RecordPath, bytes);
                }
            });
        }
    }

    /// <summary>Creates the run's folder (and <c>.repro/.gitignore</c>) once; false when it cannot (REPRO402 given).</summary>
    public bool EnsureFolder()
    {
        if (Volatile.Read(ref _folderReady))
        {
            return true;
        }

        return TryStore(() =>
        {
            System.IO.Directory.CreateDirectory(RunDirectory);
            if (_defaultStore)
            {
                Repro.Build.Store.ReproFolder.EnsureGitIgnore(Path.GetDirectoryName(_runsDirectory)!);
            }

            Volatile.Write(ref _folderReady, true);
        });
    }

    /// <summary>Adds a warning to the record and prints it to standard error the first time its text is seen.</summary>
    public void Warn(RunDiagnostic diagnostic, bool persist = true, bool print = true)
    {
        bool first;
        lock (_recordGate)
        {
            _record.Diagnostics.Add(diagnostic);
            first = _printed.Add(diagnostic.Id + "\0" + diagnostic.Message);
        }

        if (first && print)
        {
            try
            {
                Console.Error.WriteLine($"warning {diagnostic.Id}: {diagnostic.Message}");
            }
            catch (IOException)
            {
                // standard error is closed: the record still has it
            }
        }

        if (persist)
        {
            Persist();
        }
    }

    /// <summary>Runs a probe whose expected failure costs the record its result (REPRO405 in diagnostics), not the run.</summary>
    public static T? Guarded<T>(Func<T> probe, List<RunDiagnostic> diagnostics)
        where T : class
    {
        try
        {
            return probe();
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            var message = $"a run-time check failed ({ex.Message}); the record lacks its result.";
            diagnostics.Add(new RunDiagnostic { Id = DiagnosticIds.DataNotChecked, Message = message });
            return null;
        }
    }

    private bool TryStore(Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            bool first;
            lock (_recordGate)
            {
                first = !_storeWarned;
                _storeWarned = true;
            }

            if (first)
            {
                Warn(new RunDiagnostic
                {
                    Id = DiagnosticIds.RunNotWritten,
                    File = RunDirectory,
                    Message = $"the run record could not be written to {RunDirectory} ({ex.Message}); training goes on. "
                        + "Free disk space, or set REPRO_RUNS_DIR to a writable folder.",
                }, persist: false);
            }

            return false;
        }
    }

    private (RunFileEntry Entry, string FullPath) HashPath(string path, bool isOutput)
    {
        var time = Time(DateTime.UtcNow);
        try
        {
            var fullPath = Path.GetFullPath(path);
            var kind = FileProbe.Inspect(fullPath);
            var spec = kind == FileKind.Directory ? fullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + "/" : fullPath;
            var declarations = new[] { new DataDeclaration(spec, fullPath, null) };

            // An output goes into the store in the read that hashes it (cache.outputs), so that `dotnet repro get` can give it back.
            var store = isOutput && _store.Value is { Settings.CacheOutputs: true } opened ? opened.Cache : null;
            var item = DataHasher.HashIntoStore(
                BaseDirectory, declarations, _cache.Value, new HashProgress(), [], strict: false, RepositoryRoot, store, CancellationToken.None).Items[0];
            var hashed = item.Exists && item.Sha256 is not null && (kind != FileKind.Regular || item.FileCount == 1);
            var entry = new RunFileEntry { Path = item.Name, Sha256 = hashed ? item.Sha256 : null, FileCount = item.FileCount, Size = item.Size, Time = time };
            if (store is not null && hashed)
            {
                KeepInStore(store, item);
            }

            if (hashed && kind == FileKind.Regular)
            {
                // A model saved twice from the same training differs in its zip's entry times: its content does not.
                try
                {
                    var content = FileContentHash.Compute(fullPath);
                    entry.ContentSha256 = content.FileSha256 == item.Sha256 ? content.Sha256 : null; // changed while read: no claim
                }
                catch (Exception ex) when (ReadFailure.IsExpected(ex))
                {
                    // Gone or unreadable since it was hashed: the file hash stands alone.
                }
            }

            return (entry, fullPath);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return (new RunFileEntry { Path = path.Replace('\\', '/'), Time = time }, path);
        }
    }

    /// <summary>
    /// After an item was hashed into the store: its listing too when it is a folder or a group (the listing's hash is the
    /// item's), and one warning when a file could not be kept (a full disk): the run goes on, the hash is recorded.
    /// </summary>
    public void KeepInStore(LocalCache store, DataEntry item)
    {
        try
        {
            if (DirectoryListing.ForItem(item) is { } listing)
            {
                using var bytes = new MemoryStream(listing, writable: false);
                store.Add(bytes, item.Sha256!);
            }

            var lost = item.Files.FirstOrDefault(f => !string.IsNullOrEmpty(f.Sha256) && !store.Contains(f.Sha256));
            if (lost is null)
            {
                return;
            }

            WarnNotCached(lost.Path, "it could not be copied there");
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            WarnNotCached(item.Name, ex.Message);
        }
    }

    private void WarnNotCached(string path, string why) => Warn(new RunDiagnostic
    {
        Id = DiagnosticIds.RunNotCached,
        File = path,
        Message = $"'{path}' was hashed but not kept in the store ({_store.Value?.Cache.Directory}): {why}. Its hash is recorded; free disk "
            + "space, or move the cache (REPRO_CACHE_DIR), to have the files a run reads and writes kept for dotnet repro get.",
    }, persist: false);

    // The store of the work tree, opened on first use; a damaged configuration is said once and costs the copies, not the run.
    private (StoreSettings Settings, LocalCache Cache)? OpenStore()
    {
        try
        {
            var settings = StoreSettings.Load(BaseDirectory);
            return (settings, settings.OpenCache());
        }
        catch (Exception ex) when (ex is InvalidDataException || ReadFailure.IsExpected(ex))
        {
            Warn(new RunDiagnostic
            {
                Id = DiagnosticIds.RunNotCached,
                Message = $"the store's configuration could not be read ({ex.Message}); files are hashed but not kept in the cache. Fix the file named.",
            }, persist: false);
            return null;
        }
    }

    /// <summary>The id in <c>REPRO_REPRODUCES</c> when it has a run id's characters only, else null.</summary>
    private static string? ReproducedRun()
    {
        var id = Environment.GetEnvironmentVariable(RunStore.ReproducesVariable)?.Trim();
        if (string.IsNullOrEmpty(id) || id!.Length > 64)
        {
            return null;
        }

        foreach (var c in id)
        {
            if (!(c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '-' or '_'))
            {
                return null;
            }
        }

        return id;
    }

    private static string? ProjectPathIn(string? root, string? projectDirectory)
    {
        if (root is null || projectDirectory is null)
        {
            return null;
        }

        var relative = PathText.Relative(root, projectDirectory);
        return relative is "." or "" ? "" : PathText.IsOutside(relative) ? null : relative;
    }

    private FileHashCache LoadCache(BuildLink? build, string? projectDirectory)
    {
        if (File.Exists(_cachePath) || build is null || projectDirectory is null)
        {
            return FileHashCache.Load(_cachePath);
        }

        // The first run after a build starts from the build's own cache: the data it just hashed is not read again.
        var project = build.Embedded.Project;
        return FileHashCache.Load(Path.Combine(projectDirectory, "obj", project.Configuration ?? "", project.TargetFramework ?? "", "repro-hashes.json"));
    }

    private void SaveCache()
    {
        try
        {
            if (Volatile.Read(ref _folderReady) && _cache.IsValueCreated)
            {
                _cache.Value.Save(_cachePath);
            }
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            // only a cache: the next run hashes again
        }
    }

    private static string? DotnetRoot()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } configured)
        {
            return configured;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/
        var runtime = new DirectoryInfo(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory());
        return runtime.Parent?.Parent is { Name: "shared" } shared ? shared.Parent?.FullName : null;
    }

    private static int CurrentProcessId()
    {
#if NET
        return Environment.ProcessId;
#else
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.Id;
#endif
    }

    private static string NewRunId(DateTime startTime) =>
        startTime.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 6);

    private static string Time(DateTime utc) => RunRecordSerializer.Time(utc);
}
