using System;
using System.Threading;
using System.Threading.Tasks;
using Repro.Runs.Records;

namespace Repro.Runs;

/// <summary>
/// When a run's record is written and how it ends: the writer thread (metrics every <c>FlushInterval</c>, run.json
/// every <c>HeartbeatInterval</c>, a push every <c>ShareInterval</c>), the data check off the training's path, and the
/// end, whether asked for (<see cref="End"/>), forced by a signal, or come with the process's exit or an unhandled
/// exception (through <see cref="ProcessHooks"/>).
/// </summary>
internal sealed class RunLifecycle
{
    private readonly RunRecordWriter _writer;
    private readonly RunSharer? _sharer;
    private readonly ReproRunOptions _options;
    private readonly Action _ended;
    private readonly AutoResetEvent _wake = new(false);
    private readonly CancellationTokenSource _stopDataCheck = new();
    private Thread? _thread;
    private Task? _dataCheck;
    private SystemMetrics.SystemMetricsSampler? _sampler;

    /// <summary>Ready to start; <paramref name="ended"/> is called once the run has ended and every final write is done.</summary>
    public RunLifecycle(RunRecordWriter writer, RunSharer? sharer, ReproRunOptions options, Action ended)
    {
        _writer = writer;
        _sharer = sharer;
        _options = options;
        _ended = ended;
        _writer.Metrics.Full += () => _wake.Set();
    }

    /// <summary>Starts the writer thread, the first push and the data check (when the options ask for it and there is a build).</summary>
    public void Start(BuildLink? build)
    {
        _thread = new Thread(WriteInBackground) { IsBackground = true, Name = "Repro.Runs writer" };
        _thread.Start();
        _sharer?.PushInBackground(); // teammates see the run as running from its first seconds
        _sampler = SystemMetrics.SystemMetricsSampler.Start(AddSystemMetric, _options.SystemMetricsInterval);

        // The data check reads a stat per declared file (and hashes what changed): off the training's path, as the
        // build captures its manifest on a background thread. The run's end waits for it.
        if (build is not null && _options.CheckData)
        {
            _dataCheck = Task.Run(() => _writer.CheckData(build, _stopDataCheck.Token));
        }
    }

    /// <param name="signal">SIGINT, SIGTERM, SIGHUP or SIGQUIT.</param>
    /// <param name="handledByProgram">The program cancelled the signal (a Ctrl+C handler registered before the run started).</param>
    public void OnSignal(string signal, bool handledByProgram)
    {
        if (!_writer.RecordSignal(signal))
        {
            return;
        }

        if (handledByProgram)
        {
            // The program goes on and ends the run itself: keep what it logged so far safe.
            _writer.FlushMetrics();
            _writer.Persist();
            return;
        }

        // The signal's default action ends the process without ProcessExit: end the run here.
        _stopDataCheck.Cancel();
        End(RunStatus.Killed, null, null);
    }

    public void EndWithProcess()
    {
        _stopDataCheck.Cancel(); // the process is going: do not hold it for a data check
        var signal = _writer.Signal;
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

    public void EndWithException(Exception? exception) =>
        End(RunStatus.Failed, exception is null ? new RunFailure { Message = "An unhandled exception ended the process." } : RunFailures.From(exception), null);

    /// <summary>Ends the run with this status once; later calls do nothing.</summary>
    public void End(string status, RunFailure? failure, int? exitCode)
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

        if (!_writer.Close(status, failure, exitCode))
        {
            return;
        }

        _sampler?.Stop();
        _wake.Set();
        _writer.Finish();
        _sharer?.PushFinal();
        ProcessHooks.Remove(this);
        _ended();
    }

    private void AddSystemMetric(string key, double value, long step)
    {
        if (!_writer.Ended)
        {
            _writer.Metrics.Add(key, value, step);
        }
    }

    private void WriteInBackground()
    {
        while (!_writer.Ended)
        {
            _wake.WaitOne(_options.FlushInterval);
            if (_writer.Ended)
            {
                return;
            }

            _writer.FlushMetrics();
            if (DateTime.UtcNow - _writer.LastPersist >= _options.HeartbeatInterval)
            {
                _writer.Persist();
            }

            if (_sharer is not null && DateTime.UtcNow - _sharer.LastStart >= _options.ShareInterval)
            {
                _writer.Persist(); // the shared copy's heartbeat is as fresh as it can be
                _sharer.PushInBackground();
            }
        }
    }
}
