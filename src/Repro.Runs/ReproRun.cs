using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Repro.Build;
using Repro.Build.Data;
using Repro.Build.IO;
using Repro.Build.Machine;
using Repro.Build.Runs;

namespace Repro.Runs;

/// <summary>
/// One training run, recorded in its own folder (<c>.repro/runs/&lt;run id&gt;/run.json</c> and <c>metrics.jsonl</c>):
/// the build it came from, the data re-checked, parameters, metrics, steps, inputs and outputs, and the machine.
/// Start one with <see cref="Start(string?, ReproRunOptions?)"/> in a <c>using</c>; it ends as finished when disposed,
/// as failed with <see cref="Fail(Exception)"/> or an unhandled exception, and as killed on Ctrl+C or SIGTERM.
/// </summary>
/// <remarks>
/// Thread-safe. Nothing here throws into the training code except REPRO404 (a parameter logged twice with different
/// values) and argument checks: a record that cannot be written gives warning REPRO402 once and the training goes on.
/// Run-time warnings (REPRO4xx) go to standard error once each, and into the record.
/// </remarks>
public sealed class ReproRun : IDisposable, IAsyncDisposable
{
    private const long MaxJsonParamsFileBytes = 16L * 1024 * 1024;

    /// <summary>The build's patch, copied into the run's folder when the build was dirty.</summary>
    private const string PatchFileName = "build.patch";

    private static ReproRun? _current;

    private readonly object _gate = new();
    private readonly object _fileGate = new();
    private readonly ReproRunOptions _options;
    private readonly RunRecord _record;
    private readonly ParamSet _params;
    private readonly MetricBuffer _metrics;
    private readonly string _runsDirectory;
    private readonly bool _defaultStore;
    private readonly string _baseDirectory;
    private readonly string? _repositoryRoot;
    private readonly Lazy<FileHashCache> _cache;
    private readonly string _cachePath;
    private readonly Dictionary<string, (string Sha256, string Step)> _stepOutputs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _printed = new(StringComparer.Ordinal);
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread _writer;
    private readonly CancellationTokenSource _stopDataCheck = new();
    private readonly RunSharer? _sharer;
    private Task? _dataCheck;
    private volatile bool _ended;
    private bool _folderReady;
    private bool _storeWarned;
    private DateTime _lastPersist;

    private ReproRun(string? name, ReproRunOptions options)
    {
        _options = options;
        var startTime = DateTime.UtcNow;
        var diagnostics = new List<RunDiagnostic>();
        var assembly = options.Assembly ?? Assembly.GetEntryAssembly();
        var build = options.Build ?? ReadBuild(assembly, diagnostics);
        var projectDirectory = ProjectLocator.Locate(options.ProjectDirectory, assembly is null ? null : BuildLink.AssemblyFolder(assembly), build?.Embedded.Project.Name ?? assembly?.GetName().Name);
        _baseDirectory = projectDirectory ?? System.IO.Directory.GetCurrentDirectory();
        _repositoryRoot = RunStore.WorkTreeRoot(_baseDirectory);
        _defaultStore = string.IsNullOrWhiteSpace(options.RunsDirectory) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RunStore.EnvironmentVariable));
        _runsDirectory = RunStore.Locate(_baseDirectory, options.RunsDirectory);
        RunId = NewRunId(startTime);
        RunDirectory = Path.Combine(_runsDirectory, RunId);
        _record = new RunRecord
        {
            RunId = RunId,
            Name = name,
            StartTime = Time(startTime),
            Process = new RunProcessSection
            {
                Id = CurrentProcessId(),
                CommandLine = CommandLine.Redacted(Environment.GetCommandLineArgs()),
                WorkingDirectory = System.IO.Directory.GetCurrentDirectory(),
                ProjectDirectory = projectDirectory,
                Runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                LibraryVersion = typeof(ReproRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            },
            Build = build?.ToSection(),
        };
        _params = new ParamSet(_record.Params);
        if (build?.Embedded.Seed is { } seed)
        {
            _record.Seeds["build"] = seed;
        }

        _record.Environment = Guarded(() => EnvironmentCapture.Capture(Environment.GetEnvironmentVariables(), options.EnvironmentVariables, DotnetRoot(), options.RecordHost), diagnostics)
            ?? _record.Environment;

        _cachePath = Path.Combine(_runsDirectory, "hashes.json");
        // Loaded on first use (the data check, or a logged file): reading 10,000 entries is not Start's to pay.
        _cache = new Lazy<FileHashCache>(() => LoadCache(build, projectDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
        _metrics = new MetricBuffer(Path.Combine(RunDirectory, MetricsFileFormat.FileName));
        _metrics.Full += () => _wake.Set();
        _sharer = CreateSharer(options, diagnostics);
        EnsureFolder();
        if (build is not null)
        {
            CopyPatch(build);
        }

        foreach (var diagnostic in diagnostics)
        {
            Warn(diagnostic, persist: false);
        }

        Persist();
        ProcessHooks.Add(this);
        _current = this;
        _writer = new Thread(WriteInBackground) { IsBackground = true, Name = "Repro.Runs writer" };
        _writer.Start();
        _sharer?.PushInBackground(); // teammates see the run as running from its first seconds

        // The data check reads a stat per declared file (and hashes what changed): off the training's path, as the
        // build captures its manifest on a background thread. The run's end waits for it.
        if (build is not null && options.CheckData)
        {
            _dataCheck = Task.Run(() => CheckData(build));
        }
    }

    /// <summary>The run started last in this process and not ended yet, or null: for code that logs without being handed the run.</summary>
    public static ReproRun? Current => Volatile.Read(ref _current);

    /// <summary>The run's id: <c>yyyyMMdd-HHmmss-fff-xxxxxx</c>, the UTC start time and 6 random hex digits; sortable and unique.</summary>
    public string RunId { get; }

    /// <summary>The name given to <see cref="Start(string?, ReproRunOptions?)"/>, or null.</summary>
    public string? Name => _record.Name;

    /// <summary>The run's folder, holding <c>run.json</c> and <c>metrics.jsonl</c>.</summary>
    public string RunDirectory { get; }

    /// <summary>The full path of the run's <c>run.json</c>.</summary>
    public string RecordPath => Path.Combine(RunDirectory, RunRecordSerializer.FileName);

    /// <summary>running, finished, failed or killed (docs/runs.md).</summary>
    public string Status
    {
        get
        {
            lock (_gate)
            {
                return _record.Status;
            }
        }
    }

    /// <summary>
    /// Starts a run: links it to the build embedded in the entry assembly, hashes the build's data again (warning REPRO401
    /// when it changed), probes the machine, and writes <c>run.json</c>. Never throws: a folder that cannot be written
    /// gives warning REPRO402 and the run is kept in memory, written when the folder becomes writable.
    /// </summary>
    /// <param name="name">An experiment or run name, recorded as <c>name</c>.</param>
    /// <param name="options">Where and how to record; null for the defaults.</param>
    public static ReproRun Start(string? name = null, ReproRunOptions? options = null) => new(name, options ?? new ReproRunOptions());

    /// <summary>
    /// Records a parameter as text (invariant culture; booleans <c>true</c>/<c>false</c>; lists <c>[a, b]</c>).
    /// Secret-named keys and secret-looking values are recorded as <c>&lt;redacted&gt;</c>.
    /// </summary>
    /// <param name="key">The parameter's name.</param>
    /// <param name="value">Its value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="InvalidOperationException">REPRO404: the key was already logged with another value (a parameter is set once).</exception>
    public void LogParam(string key, object? value)
    {
        SetParam(_params, key, value, "the run");
    }

    /// <summary>
    /// Records every public property and field of an object (an options class, an anonymous object), every entry of a
    /// dictionary, or every member of a <see cref="JsonElement"/> object as parameters; nested objects become
    /// dotted names (<c>optimizer.learningRate</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="InvalidOperationException">REPRO404: a key was already logged with another value.</exception>
    public void LogParams(object values)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        string? conflict = null;
        foreach (var pair in ParamText.Flatten(values))
        {
            if (pair.Key.Length > 0)
            {
                conflict ??= SetParamQuietly(_params, pair.Key, pair.Value, "the run");
            }
        }

        Persist();
        if (conflict is not null)
        {
            throw new InvalidOperationException(conflict);
        }
    }

    /// <summary>
    /// Records the members of a JSON configuration file as parameters (dotted names for nested objects, arrays as their
    /// JSON text) and the file as an input. A file that cannot be read or is not a JSON object gives warning REPRO406.
    /// </summary>
    /// <exception cref="InvalidOperationException">REPRO404: a key was already logged with another value.</exception>
    public void LogParamsFromJsonFile(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(FileProbe.ReadAllBytes(Path.GetFullPath(path), MaxJsonParamsFileBytes));
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            Warn(new RunDiagnostic { Id = DiagnosticIds.RunFileMissing, File = path, Message = $"the parameters file '{path}' could not be read as JSON ({ex.Message}); its parameters are not recorded." });
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Warn(new RunDiagnostic { Id = DiagnosticIds.RunFileMissing, File = path, Message = $"the parameters file '{path}' is not a JSON object; its parameters are not recorded." });
                return;
            }

            AddFile(_record.Inputs, path, isOutput: false, step: null);
            LogParams(document.RootElement);
        }
    }

    /// <summary>
    /// Records one point of a metric series: the value, its step (epoch, iteration; 0 when not given) and the time.
    /// Costs well under a microsecond: the point is buffered and written to <c>metrics.jsonl</c> in the background
    /// (every second, and at the end of the run). Points logged after the run ended are ignored.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public void LogMetric(string key, double value, long step = 0)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (!_ended)
        {
            _metrics.Add(key, value, step);
        }
    }

    /// <summary>Records a seed the run used (the build's <c>ReproSeed</c> is recorded as <c>build</c>).</summary>
    public void LogSeed(string name, object value)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        lock (_gate)
        {
            _record.Seeds[name] = ParamText.Format(value);
        }

        Persist();
    }

    /// <summary>Records a file or folder the run reads, hashed now (through the stat-keyed cache). Prefer a step's <see cref="ReproStep.LogInput"/>.</summary>
    public void LogInput(string path) => AddFile(_record.Inputs, path, isOutput: false, step: null);

    /// <summary>Records a file or folder the run produced (the model), hashed now: log it once it is written and closed.</summary>
    public void LogOutput(string path) => AddFile(_record.Outputs, path, isOutput: true, step: null);

    /// <summary>
    /// Starts a named, timed step (load, preprocess, train, evaluate); dispose it to end it:
    /// <c>using (var step = run.Step("preprocess")) { step.LogInput("data/raw.csv"); … step.LogOutput("data/clean.csv"); }</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public ReproStep Step(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var record = new RunStep { Name = name, StartTime = Time(DateTime.UtcNow) };
        lock (_gate)
        {
            _record.Steps.Add(record);
        }

        Persist();
        return new ReproStep(this, record);
    }

    /// <summary>Ends the run as finished, writes every buffered metric and the record. Later calls do nothing.</summary>
    public void Complete() => End(RunStatus.Finished, null, null);

    /// <summary>Ends the run as failed, with the exception's type and message (secrets redacted, no stack trace).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public void Fail(Exception exception)
    {
        if (exception is null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        End(RunStatus.Failed, RunFailures.From(exception), null);
    }

    /// <summary>Ends the run as finished unless <see cref="Complete"/> or <see cref="Fail(Exception)"/> ended it already.</summary>
    public void Dispose() => Complete();

    /// <summary>As <see cref="Dispose"/>, for <c>await using</c>.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    internal void SetParam(ParamSet set, string key, object? value, string owner)
    {
        var conflict = SetParamQuietly(set, key, value, owner);
        Persist();
        if (conflict is not null)
        {
            throw new InvalidOperationException(conflict);
        }
    }

    internal void AddFile(List<RunFileEntry> list, string path, bool isOutput, ReproStep? step)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var (entry, fullPath) = HashPath(path);
        lock (_gate)
        {
            if (entry.Sha256 is not null)
            {
                if (!isOutput && _stepOutputs.TryGetValue(fullPath, out var produced) && produced.Sha256 == entry.Sha256)
                {
                    entry.ProducedBy = produced.Step;
                }
                else if (isOutput && step is not null)
                {
                    _stepOutputs[fullPath] = (entry.Sha256, step.Name);
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
                Message = $"the {(isOutput ? "output" : "input")} '{path}' does not exist or is not a regular file or folder; it is recorded without a hash. Log files once they are written.",
            }, persist: false);
        }

        Persist();
    }

    internal void EndStep(ReproStep step, string status, RunFailure? failure, double seconds)
    {
        lock (_gate)
        {
            var record = step.Record;
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

    /// <param name="signal">SIGINT, SIGTERM, SIGHUP or SIGQUIT.</param>
    /// <param name="handledByProgram">The program cancelled the signal (a Ctrl+C handler registered before the run started).</param>
    internal void OnSignal(string signal, bool handledByProgram)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _record.Signal = signal;
        }

        if (handledByProgram)
        {
            // The program goes on and ends the run itself: keep what it logged so far safe.
            FlushMetrics();
            Persist();
            return;
        }

        // The signal's default action ends the process without ProcessExit: end the run here.
        _stopDataCheck.Cancel();
        End(RunStatus.Killed, null, null);
    }

    internal void EndWithProcess()
    {
        _stopDataCheck.Cancel(); // the process is going: do not hold it for a data check
        string? signal;
        lock (_gate)
        {
            signal = _record.Signal;
        }

        var exitCode = Environment.ExitCode;
        if (signal is not null)
        {
            End(RunStatus.Killed, null, exitCode == 0 ? null : exitCode);
        }
        else if (exitCode != 0)
        {
            End(RunStatus.Failed, new RunFailure { Message = $"The process exited with code {exitCode}." }, exitCode);
        }
        else
        {
            End(RunStatus.Finished, null, null);
        }
    }

    internal void EndWithException(Exception? exception) =>
        End(RunStatus.Failed, exception is null ? new RunFailure { Message = "An unhandled exception ended the process." } : RunFailures.From(exception), null);

    private string? SetParamQuietly(ParamSet set, string key, object? value, string owner)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        var text = ParamText.Format(value);
        string? conflict;
        lock (_gate)
        {
            conflict = set.Set(key, text, owner);
        }

        if (conflict is not null)
        {
            Warn(new RunDiagnostic { Id = DiagnosticIds.ParamConflict, Message = conflict.Substring(DiagnosticIds.ParamConflict.Length + 2) }, persist: false, print: false);
        }

        return conflict;
    }

    private void End(string status, RunFailure? failure, int? exitCode)
    {
        // A normal end waits for the data check, so the record is whole; a signal or the process's exit does not.
        if (_dataCheck is { IsCompleted: false } check)
        {
            if (status != RunStatus.Finished)
            {
                _stopDataCheck.Cancel();
            }

            try
            {
                check.Wait();
            }
            catch (AggregateException)
            {
                // cancelled: the record keeps data as it was
            }
        }

        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            var now = Time(DateTime.UtcNow);
            _record.Status = status;
            _record.Failure = failure;
            _record.ExitCode = exitCode;
            _record.EndTime = now;
            foreach (var step in _record.Steps.Where(s => s.EndTime is null))
            {
                step.Status = status == RunStatus.Finished ? RunStatus.Finished : status == RunStatus.Killed ? RunStatus.Killed : RunStatus.Failed;
                step.EndTime = now;
            }
        }

        _wake.Set();
        FlushMetrics();
        _metrics.Close();
        Persist();
        SaveCache();
        _sharer?.PushFinal();
        ProcessHooks.Remove(this);
        Interlocked.CompareExchange(ref _current, null, this);
    }

    /// <summary>The sharer the options ask for, with the record's <c>share</c> set; null (and why, in diagnostics) otherwise.</summary>
    private RunSharer? CreateSharer(ReproRunOptions options, List<RunDiagnostic> diagnostics)
    {
        if (options.ShareRemote is not { } remote)
        {
            return null;
        }

        if (ShareSettings.TimeoutProblem(Environment.GetEnvironmentVariable(ShareSettings.TimeoutVariable)) is { } timeoutProblem)
        {
            diagnostics.Add(new RunDiagnostic { Id = DiagnosticIds.RunNotShared, Message = timeoutProblem });
        }

        var problem = ShareSettings.Check(remote, options.ShareInterval, options.ShareTimeout)
            ?? (_repositoryRoot is null ? $"the run is not shared automatically: {_baseDirectory} is not inside a git repository, and runs are shared through the project's own git remote." : null);
        if (problem is not null)
        {
            diagnostics.Add(new RunDiagnostic { Id = DiagnosticIds.RunNotShared, Message = problem });
            return null;
        }

        _record.Share = new RunShareSection { Remote = remote, IntervalSeconds = (int)Math.Ceiling(options.ShareInterval.TotalSeconds) };
        return new RunSharer(_repositoryRoot!, RunId, RunDirectory, remote, options.ShareTimeout,
            message => Warn(new RunDiagnostic { Id = DiagnosticIds.RunNotShared, Message = message }));
    }

    /// <summary>
    /// Copies the build's patch of uncommitted changes into the run's folder (<c>build.patch</c>), so that the code of
    /// a dirty build travels with the run when it is shared; file diffs that hold secrets are left out, by the rule the
    /// build applies to its own patch.
    /// </summary>
    private void CopyPatch(BuildLink build)
    {
        if (_record.Build is not { } section || build.ReadPatch() is not { } patch)
        {
            return;
        }

        var kept = Repro.Build.Git.GitPatchBuilder.WithoutSecrets(patch, new List<string>());
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

    private void CheckData(BuildLink build)
    {
        var diagnostics = new List<RunDiagnostic>();
        var entries = Guarded(() => DataCheck.Run(build, _baseDirectory, _repositoryRoot, _cache.Value, diagnostics, _stopDataCheck.Token), diagnostics);
        if (entries is not null)
        {
            lock (_gate)
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

    private void WriteInBackground()
    {
        while (!_ended)
        {
            _wake.WaitOne(_options.FlushInterval);
            if (_ended)
            {
                return;
            }

            FlushMetrics();
            if (DateTime.UtcNow - _lastPersist >= _options.HeartbeatInterval)
            {
                Persist();
            }

            if (_sharer is not null && DateTime.UtcNow - _sharer.LastStart >= _options.ShareInterval)
            {
                Persist(); // the shared copy's heartbeat is as fresh as it can be
                _sharer.PushInBackground();
            }
        }
    }

    private void FlushMetrics() => TryStore(() =>
    {
        if (EnsureFolder())
        {
            _metrics.Flush();
        }
    });

    /// <summary>Writes run.json (atomically) with the metric summaries of the points written so far.</summary>
    private void Persist()
    {
        var summaries = _metrics.Summaries();
        lock (_fileGate)
        {
            byte[] bytes;
            lock (_gate)
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
    private bool EnsureFolder()
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
                var ignore = Path.Combine(Path.GetDirectoryName(_runsDirectory)!, ".gitignore");
                if (!File.Exists(ignore))
                {
                    AtomicFile.WriteIfChanged(ignore, System.Text.Encoding.UTF8.GetBytes("# Run records of Repro.Runs: local to this machine unless added on purpose.\n*\n"));
                }
            }

            Volatile.Write(ref _folderReady, true);
        });
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
            lock (_gate)
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
                    Message = $"the run record could not be written to {RunDirectory} ({ex.Message}); training goes on. Free disk space, or set REPRO_RUNS_DIR to a writable folder.",
                }, persist: false);
            }

            return false;
        }
    }

    private void Warn(RunDiagnostic diagnostic, bool persist = true, bool print = true)
    {
        bool first;
        lock (_gate)
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

    private (RunFileEntry Entry, string FullPath) HashPath(string path)
    {
        var time = Time(DateTime.UtcNow);
        try
        {
            var fullPath = Path.GetFullPath(path);
            var kind = FileProbe.Inspect(fullPath);
            var spec = kind == FileKind.Directory ? fullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + "/" : fullPath;
            var item = DataHasher.Hash(_baseDirectory, new[] { new DataDeclaration(spec, fullPath, null) }, _cache.Value, new HashProgress(), new List<ReproDiagnostic>(), strict: false, _repositoryRoot).Items[0];
            var hashed = item.Exists && item.Sha256 is not null && (kind != FileKind.Regular || item.FileCount == 1);
            return (new RunFileEntry { Path = item.Name, Sha256 = hashed ? item.Sha256 : null, FileCount = item.FileCount, Size = item.Size, Time = time }, fullPath);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return (new RunFileEntry { Path = path.Replace('\\', '/'), Time = time }, path);
        }
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

    private static BuildLink? ReadBuild(Assembly? assembly, List<RunDiagnostic> diagnostics)
    {
        if (assembly is null)
        {
            diagnostics.Add(new RunDiagnostic { Id = DiagnosticIds.NoBuildManifest, Message = "there is no entry assembly to read the build manifest from; pass ReproRunOptions.Assembly to link the run to its build." });
            return null;
        }

        var name = assembly.GetName().Name;
        try
        {
            var build = BuildLink.Read(assembly);
            if (build is null)
            {
                diagnostics.Add(new RunDiagnostic { Id = DiagnosticIds.NoBuildManifest, Message = $"the assembly {name} has no embedded build manifest, so the run is not linked to a build. Add <PackageReference Include=\"Repro.Build\" /> to the project and build again." });
            }

            return build;
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            diagnostics.Add(new RunDiagnostic { Id = DiagnosticIds.NoBuildManifest, Message = $"the build manifest embedded in {name} could not be read ({ex.Message}); build the project again." });
            return null;
        }
    }

    private static T? Guarded<T>(Func<T> probe, List<RunDiagnostic> diagnostics)
        where T : class
    {
        try
        {
            return probe();
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            diagnostics.Add(new RunDiagnostic { Id = DiagnosticIds.DataNotChecked, Message = $"a run-time check failed ({ex.Message}); the record lacks its result." });
            return null;
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

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
