using System;
using System.Diagnostics;
using Repro.Runs.Records;

namespace Repro.Runs;

/// <summary>
/// A named, timed part of a run (load, preprocess, train, evaluate) with its own inputs, outputs and parameters.
/// Created by <see cref="ReproRun.Step(string)"/>; ends when disposed (finished) or by <see cref="Fail(Exception)"/>.
/// Thread-safe.
/// </summary>
public sealed class ReproStep : IDisposable
{
    private readonly RunRecordWriter _writer;
    private readonly RunStep _record;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ParamSet _params;

    internal ReproStep(RunRecordWriter writer, RunStep record)
    {
        _writer = writer;
        _record = record;
        _params = new ParamSet(record.Params);
    }

    /// <summary>The step's name.</summary>
    public string Name => _record.Name;

    /// <summary>Records a parameter of this step (same rules as <see cref="ReproRun.LogParam(string, object?)"/>, per step).</summary>
    /// <exception cref="InvalidOperationException">REPRO404: the key was already logged on this step with another value.</exception>
    public void LogParam(string key, object? value) => _writer.SetParam(_params, key, value, "step '" + Name + "'");

    /// <summary>
    /// Records a file or folder the step reads, hashed now (through the run's cache). When an earlier step logged the
    /// same path as an output with the same content, the input names that step (<c>producedBy</c>): lineage.
    /// </summary>
    public void LogInput(string path) => _writer.AddFile(_record.Inputs, path, isOutput: false, Name);

    /// <summary>Records a file or folder the step produced, hashed now: log it once it is written and closed.</summary>
    public void LogOutput(string path) => _writer.AddFile(_record.Outputs, path, isOutput: true, Name);

    /// <summary>Ends the step as finished. Called by <see cref="Dispose"/>; later calls do nothing.</summary>
    public void Complete() => End(RunStatus.Finished, null);

    /// <summary>Ends the step as failed with the exception's type and message (never its stack trace). The run goes on.</summary>
    public void Fail(Exception exception) => End(RunStatus.Failed, exception is null ? null : RunFailures.From(exception));

    /// <summary>Ends the step as finished unless it already ended.</summary>
    public void Dispose() => Complete();

    internal void End(string status, RunFailure? failure) => _writer.EndStep(_record, status, failure, _clock.Elapsed.TotalSeconds);
}
