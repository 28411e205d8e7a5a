using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Repro.Build;
using Repro.Build.IO;
using Repro.Runs.Records;

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
/// <para>
/// This class is the facade, as MLflow's fluent API is over its client and store: it checks arguments and hands each
/// call to <see cref="RunRecordWriter"/> (the record and its files), <see cref="RunLifecycle"/> (the writer thread, the
/// data check, signals and the process's exit) or <see cref="RunSharer"/> (pushes to the team's git remote).
/// </para>
/// </remarks>
public sealed class ReproRun : IDisposable, IAsyncDisposable
{
    private const long MaxJsonParamsFileBytes = 16L * 1024 * 1024;

    private static ReproRun? _current;

    private readonly RunRecordWriter _writer;
    private readonly RunLifecycle _lifecycle;

    private ReproRun(string? name, ReproRunOptions options)
    {
        var startTime = DateTime.UtcNow;
        var diagnostics = new List<RunDiagnostic>();
        var assembly = options.Assembly ?? Assembly.GetEntryAssembly();
        var build = options.Build ?? ReadBuild(assembly, diagnostics);
        var projectDirectory = ProjectLocator.Locate(
            options.ProjectDirectory,
            assembly is null ? null : BuildLink.AssemblyFolder(assembly),
            build?.Embedded.Project.Name ?? assembly?.GetName().Name);
        _writer = new RunRecordWriter(name, startTime, options, build, projectDirectory, diagnostics);
        var sharer = RunSharer.Create(options, _writer, diagnostics);
        _lifecycle = new RunLifecycle(_writer, sharer, options, () => Interlocked.CompareExchange(ref _current, null, this));
        _writer.EnsureFolder();
        if (build is not null)
        {
            _writer.CopyPatch(build);
        }

        foreach (var diagnostic in diagnostics)
        {
            _writer.Warn(diagnostic, persist: false);
        }

        _writer.Persist();
        ProcessHooks.Add(_lifecycle);
        _current = this;
        _lifecycle.Start(build);
    }

    /// <summary>The run started last in this process and not ended yet, or null: for code that logs without being handed the run.</summary>
    public static ReproRun? Current => Volatile.Read(ref _current);

    /// <summary>The record's writer, for autologging (<see cref="Autolog.AutologRuntime"/>) and the system-metrics sampler.</summary>
    internal RunRecordWriter Writer => _writer;

    /// <summary>The run's id: <c>yyyyMMdd-HHmmss-fff-xxxxxx</c>, the UTC start time and 6 random hex digits; sortable and unique.</summary>
    public string RunId => _writer.RunId;

    /// <summary>The name given to <see cref="Start(string?, ReproRunOptions?)"/>, or null.</summary>
    public string? Name => _writer.Name;

    /// <summary>The run's folder, holding <c>run.json</c> and <c>metrics.jsonl</c>.</summary>
    public string RunDirectory => _writer.RunDirectory;

    /// <summary>The full path of the run's <c>run.json</c>.</summary>
    public string RecordPath => _writer.RecordPath;

    /// <summary>running, finished, failed or killed (docs/runs.md).</summary>
    public string Status => _writer.Status;

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
        _writer.SetParam(_writer.Params, key, value, "the run");
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
                conflict ??= _writer.SetParamQuietly(_writer.Params, pair.Key, pair.Value, "the run");
            }
        }

        _writer.Persist();
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
            var message = $"the parameters file '{path}' could not be read as JSON ({ex.Message}); its parameters are not recorded.";
            _writer.Warn(new RunDiagnostic { Id = DiagnosticIds.RunFileMissing, File = path, Message = message });
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                var message = $"the parameters file '{path}' is not a JSON object; its parameters are not recorded.";
                _writer.Warn(new RunDiagnostic { Id = DiagnosticIds.RunFileMissing, File = path, Message = message });
                return;
            }

            _writer.AddFile(_writer.Inputs, path, isOutput: false, step: null);
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

        if (!_writer.Ended)
        {
            _writer.Metrics.Add(key, value, step);
        }
    }

    /// <summary>Records a seed the run used (the build's <c>ReproSeed</c> is recorded as <c>build</c>).</summary>
    public void LogSeed(string name, object value)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        _writer.SetSeed(name, ParamText.Format(value));
    }

    /// <summary>Records a file or folder the run reads, hashed now (through the stat-keyed cache). Prefer a step's <see cref="ReproStep.LogInput"/>.</summary>
    public void LogInput(string path) => _writer.AddFile(_writer.Inputs, path, isOutput: false, step: null);

    /// <summary>Records a file or folder the run produced (the model), hashed now: log it once it is written and closed.</summary>
    public void LogOutput(string path) => _writer.AddFile(_writer.Outputs, path, isOutput: true, step: null);

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

        return new ReproStep(_writer, _writer.AddStep(name));
    }

    /// <summary>Ends the run as finished, writes every buffered metric and the record. Later calls do nothing.</summary>
    public void Complete() => _lifecycle.End(RunStatus.Finished, null, null);

    /// <summary>Ends the run as failed, with the exception's type and message (secrets redacted, no stack trace).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public void Fail(Exception exception)
    {
        if (exception is null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        _lifecycle.End(RunStatus.Failed, RunFailures.From(exception), null);
    }

    /// <summary>Ends the run as finished unless <see cref="Complete"/> or <see cref="Fail(Exception)"/> ended it already.</summary>
    public void Dispose() => Complete();

    /// <summary>As <see cref="Dispose"/>, for <c>await using</c>.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    /// <summary>A signal reached the process (<c>dotnet repro run</c> tells its own run which one stopped its command).</summary>
    /// <param name="signal">SIGINT, SIGTERM, SIGHUP or SIGQUIT.</param>
    /// <param name="handledByProgram">The program cancelled the signal (a Ctrl+C handler registered before the run started).</param>
    internal void OnSignal(string signal, bool handledByProgram) => _lifecycle.OnSignal(signal, handledByProgram);

    private static BuildLink? ReadBuild(Assembly? assembly, List<RunDiagnostic> diagnostics)
    {
        if (assembly is null)
        {
            diagnostics.Add(new RunDiagnostic
            {
                Id = DiagnosticIds.NoBuildManifest,
                Message = "there is no entry assembly to read the build manifest from; pass ReproRunOptions.Assembly to link the run to its build.",
            });
            return null;
        }

        var name = assembly.GetName().Name;
        try
        {
            var build = BuildLink.Read(assembly);
            if (build is null)
            {
                diagnostics.Add(new RunDiagnostic
                {
                    Id = DiagnosticIds.NoBuildManifest,
                    Message = $"the assembly {name} has no embedded build manifest, so the run is not linked to a build. "
                        + "Add <PackageReference Include=\"Repro.Build\" /> to the project and build again.",
                });
            }

            return build;
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            diagnostics.Add(new RunDiagnostic
            {
                Id = DiagnosticIds.NoBuildManifest,
                Message = $"the build manifest embedded in {name} could not be read ({ex.Message}); build the project again.",
            });
            return null;
        }
    }
}
