using System;
using System.Diagnostics;
using Repro.Build.Runs;

namespace Repro.Runs;

/// <summary>
/// A named, timed part of a run (load, preprocess, train, evaluate) with its own inputs, outputs and parameters.
/// Created by <see cref="ReproRun.Step(string)"/>; ends when disposed (finished) or by <see cref="Fail(Exception)"/>.
/// Thread-safe.
/// </summary>
public sealed class ReproStep : IDisposable
{
    private readonly ReproRun _run;
    private readonly RunStep _record;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ParamSet _params;

    internal ReproStep(ReproRun run, RunStep record)
    {
        _run = run;
        _record = record;
        _params = new ParamSet(record.Params);
    }

    /// <summary>The step's name.</summary>
    public string Name => _record.Name;

    internal RunStep Record => _record;

    /// <summary>Records a parameter of this step (same rules as <see cref="ReproRun.LogParam(string, object?)"/>, per step).</summary>
    /// <exception cref="InvalidOperationException">REPRO404: the key was already logged on this step with another value.</exception>
    public void LogParam(string key, object? value) => _run.SetParam(_params, key, value, "step '" + Name + "'");

    /// <summary>
    /// Records a file or folder the step reads, hashed now (through the run's cache). When an earlier step logged the
    /// same path as an output with the same content, the input names that step (<c>producedBy</c>): lineage.
    /// </summary>
    public void LogInput(string path) => _run.AddFile(_record.Inputs, path, isOutput: false, this);

    /// <summary>Records a file or folder the step produced, hashed now: log it once it is written and closed.</summary>
    public void LogOutput(string path) => _run.AddFile(_record.Outputs, path, isOutput: true, this);

    /// <summary>Ends the step as finished. Called by <see cref="Dispose"/>; later calls do nothing.</summary>
    public void Complete() => End(RunStatus.Finished, null);

    /// <summary>Ends the step as failed with the exception's type and message (never its stack trace). The run goes on.</summary>
    public void Fail(Exception exception) => End(RunStatus.Failed, exception is null ? null : RunFailures.From(exception));

    /// <summary>Ends the step as finished unless it already ended.</summary>
    public void Dispose() => Complete();

    internal void End(string status, RunFailure? failure) => _run.EndStep(this, status, failure, _clock.Elapsed.TotalSeconds);
}
