using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Repro.Build;
using Repro.Runs.Records;

namespace Repro.Runs.Autolog;

/// <summary>
/// What the interceptors that the autolog generator writes into a project call (docs/autolog.md); not for code of
/// one's own. Each call site asks <see cref="Run(bool)"/> first: with no run active (and no automatic run) that is a
/// field read, and the interceptor returns the original call's result without anything else. Nothing here throws into
/// the training: a failure to record is reported once per run as REPRO900 and the call's result is returned as it is.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AutologRuntime
{
    private static readonly object AutoRunGate = new();
#pragma warning disable IDE0028 // a collection expression does not build a ConditionalWeakTable on netstandard2.0
    private static readonly ConditionalWeakTable<ReproRun, AutologState> States = new();
#pragma warning restore IDE0028
    private static bool _autoRunStarted;

    /// <summary>
    /// The run to record into: the current run, or with <paramref name="autoRun"/> (the project's <c>ReproAutoRun</c>)
    /// a run started now, once per process, that ends with the process. Null: record nothing.
    /// </summary>
    public static ReproRun? Run(bool autoRun)
    {
        var run = ReproRun.Current;
        return run is not null || !autoRun ? run : StartAutoRun();
    }

    /// <summary>
    /// Names a trainer or optimizer the run uses: <c>&lt;group&gt;/&lt;kind&gt;</c> (the first one's name) and returns the
    /// prefix of its settings, <c>&lt;group&gt;/&lt;name&gt;</c>, or <c>&lt;group&gt;/&lt;name&gt;#2</c> for the second of the same name.
    /// </summary>
    public static string Component(ReproRun run, string group, string kind, string name)
    {
        var state = StateOf(run);
        var count = state.Next(group + "/" + name) + 1;
        var prefix = count == 1 ? group + "/" + name : group + "/" + name + "#" + count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Set(run, group + "/" + kind, name);
        return prefix;
    }

    /// <summary>Records <c>&lt;prefix&gt;/&lt;name&gt;</c> unless null; a key already set keeps its first value (no REPRO404 from autologging).</summary>
    public static void Param(ReproRun run, string prefix, string name, object? value) => Set(run, prefix + "/" + name, value);

    /// <summary>Records a seed argument as a parameter and, when it has a value, as the run's seed <paramref name="prefix"/>.</summary>
    public static void Seed(ReproRun run, string prefix, string name, object? value)
    {
        Set(run, prefix + "/" + name, value);
        if (value is not null)
        {
            run.Writer.SetSeed(prefix, ParamText.Format(value));
        }
    }

    /// <summary>
    /// Records, the first time a call on one of its catalogs is intercepted in the run, the seed of the <c>MLContext</c>
    /// the catalog belongs to: param <c>mlnet/seed</c> and the run's seed <c>mlnet</c> (a second seeded context: <c>mlnet#2</c>).
    /// A context created without a seed records nothing.
    /// </summary>
    public static void ContextSeed(ReproRun run, object? catalog)
    {
        if (catalog is null || MLContextSeed.ContextOf(catalog) is not { } context)
        {
            return;
        }

        var state = StateOf(run);
        if (state.FirstUse(context) && MLContextSeed.SeedOf(context) is { } seed)
        {
            var number = state.Next("mlnet/seed") + 1;
            Seed(run, number == 1 ? "mlnet" : "mlnet#" + number.ToString(System.Globalization.CultureInfo.InvariantCulture), "seed", seed);
        }
    }

    /// <summary>Records an options object's public fields and properties as <c>&lt;prefix&gt;/&lt;member&gt;</c>.</summary>
    public static void Options(ReproRun run, string prefix, object? options)
    {
        if (options is null)
        {
            return;
        }

        foreach (var pair in ParamText.Flatten(options))
        {
            if (pair.Key.Length > 0)
            {
                Set(run, prefix + "/" + pair.Key, pair.Value);
            }
        }
    }

    /// <summary>Writes the record once after a call's parameters are set.</summary>
    public static void Persist(ReproRun run) => run.Writer.Persist();

    /// <summary>0 for the first call of this kind in the run, 1 for the second…: the step of an evaluation's metrics.</summary>
    public static long NextIndex(ReproRun run, string key) => StateOf(run).Next(key);

    /// <summary>Records one metric point.</summary>
    public static void Metric(ReproRun run, string key, double value, long step)
    {
        if (!run.Writer.Ended)
        {
            run.Writer.Metrics.Add(key, value, step);
        }
    }

    /// <summary>Records a list of values (NDCG at each truncation level, per-class log-loss) as <c>key@1</c>, <c>key@2</c>, …</summary>
    public static void Series(ReproRun run, string key, IReadOnlyList<double>? values, long step)
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            Metric(run, key + "@" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), values[i], step);
        }
    }

    /// <summary>Records a file the call wrote (a saved model) as an output, hashed now.</summary>
    public static void Output(ReproRun run, string? path)
    {
        if (path is not null)
        {
            run.LogOutput(path);
        }
    }

    /// <summary>Records a scheduler's learning rates after its step as <c>torch/lr</c> (more groups: <c>torch/lr@2</c>, …).</summary>
    public static void LearningRate(ReproRun run, IEnumerable<double>? rates)
    {
        if (rates is null)
        {
            return;
        }

        var step = StateOf(run).Next("torch/lr");
        var group = 0;
        foreach (var rate in rates)
        {
            group++;
            Metric(run, group == 1 ? "torch/lr" : "torch/lr@" + group.ToString(System.Globalization.CultureInfo.InvariantCulture), rate, step);
        }
    }

    /// <summary>Starts the step of a <c>Fit</c>: <c>fit &lt;estimator type&gt;</c>.</summary>
    public static ReproStep? BeginFit(ReproRun run, object? estimator)
    {
        try
        {
            return run.Step("fit " + TypeName(estimator?.GetType()));
        }
        catch (Exception ex)
        {
            Failed(run, ex);
            return null;
        }
    }

    /// <summary>Ends a step as finished.</summary>
    public static void EndStep(ReproStep? step)
    {
        try
        {
            step?.Complete();
        }
        catch (Exception)
        {
            // the record's own writes report their failures (REPRO402); nothing goes back into the training
        }
    }

    /// <summary>Ends a step as failed; returns false, so that the exception filter lets the exception go on untouched.</summary>
    public static bool FailStep(ReproStep? step, Exception exception)
    {
        try
        {
            step?.Fail(exception);
        }
        catch (Exception)
        {
            // as in EndStep
        }

        return false;
    }

    /// <summary>Reports, once per run, that recording a call failed (REPRO900 with the exception's message); the training goes on.</summary>
    public static void Failed(ReproRun run, Exception exception)
    {
        try
        {
            if (StateOf(run).FirstFailure())
            {
                run.Writer.Warn(new RunDiagnostic
                {
                    Id = DiagnosticIds.UnexpectedFailure,
                    Message = $"autolog could not record a call ({exception.GetType().Name}: {exception.Message}); the call itself ran as written.",
                });
            }
        }
        catch (Exception)
        {
            // nothing goes back into the training
        }
    }

    /// <summary>
    /// Sets a parameter unless its value is null: an optional argument left out, an option not set (and a null under a
    /// name such as <c>samplingKeyColumnName</c> would be shown as a redacted secret).
    /// </summary>
    private static void Set(ReproRun run, string key, object? value)
    {
        if (value is not null)
        {
            run.Writer.SetParamQuietly(run.Writer.Params, key, value, "autolog");
        }
    }

    private static AutologState StateOf(ReproRun run) => States.GetValue(run, static _ => new AutologState());

    private static ReproRun? StartAutoRun()
    {
        lock (AutoRunGate)
        {
            if (!_autoRunStarted)
            {
                _autoRunStarted = true;
                try
                {
                    // Ends with the process (ProcessHooks), as finished, failed on a non-zero exit code, or killed.
                    ReproRun.Start();
                }
                catch (Exception)
                {
                    // Start reports its own failures; a run that cannot start leaves the training as it was
                }
            }
        }

        return ReproRun.Current;
    }

    private static string TypeName(Type? type)
    {
        if (type is null)
        {
            return "estimator";
        }

        var name = type.Name;
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name.Substring(0, tick);
    }
}
