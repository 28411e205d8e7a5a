using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Repro.Build;
using Repro.Build.Git;
using Repro.Build.Security;
using Repro.Runs.Records;
using Repro.Runs.Sharing;

namespace Repro.Runs;

/// <summary>
/// Pushes one run's folder to the team's git remote (<see cref="RunRefStore"/>: saved on <c>refs/repro/runs</c>, then
/// pushed, merging what teammates pushed meanwhile) while the run lives. At most one push is in flight; each is bounded
/// in time (git is killed when it is over), runs on the thread pool except the final one, and never throws: the first
/// failure is handed to <c>failed</c> once, later ones are silent (the run keeps trying, and <c>dotnet repro push</c>
/// shares it afterwards).
/// </summary>
internal sealed class RunSharer
{
    private readonly string _repository;
    private readonly string _runId;
    private readonly string _runFolder;
    private readonly string _remote;
    private readonly TimeSpan _timeout;
    private readonly Action<string> _failed;
    private readonly object _gate = new();
    private Task? _inFlight;
    private CancellationTokenSource? _cancel;
    private bool _closed;
    private int _reported;
    private int _succeeded;

    public RunSharer(string repository, string runId, string runFolder, string remote, TimeSpan timeout, Action<string> failed)
    {
        _repository = repository;
        _runId = runId;
        _runFolder = runFolder;
        _remote = remote;
        _timeout = timeout;
        _failed = failed;
    }

    /// <summary>
    /// The sharer the options ask for, with the record's <c>share</c> set through <paramref name="writer"/>; null (and
    /// why, in <paramref name="diagnostics"/>) otherwise. Failures of its pushes become the run's REPRO407 warning.
    /// </summary>
    public static RunSharer? Create(ReproRunOptions options, RunRecordWriter writer, List<RunDiagnostic> diagnostics)
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
            ?? (writer.RepositoryRoot is null
                ? $"the run is not shared automatically: {writer.BaseDirectory} is not inside a git repository, "
                    + "and runs are shared through the project's own git remote."
                : null);
        if (problem is not null)
        {
            diagnostics.Add(new RunDiagnostic { Id = DiagnosticIds.RunNotShared, Message = problem });
            return null;
        }

        writer.SetShare(new RunShareSection { Remote = remote, IntervalSeconds = (int)Math.Ceiling(options.ShareInterval.TotalSeconds) });
        return new RunSharer(writer.RepositoryRoot!, writer.RunId, writer.RunDirectory, remote, options.ShareTimeout,
            message => writer.Warn(new RunDiagnostic { Id = DiagnosticIds.RunNotShared, Message = message }));
    }

    /// <summary>When the last push started (UTC); <see cref="DateTime.MinValue"/> before the first.</summary>
    public DateTime LastStart { get; private set; } = DateTime.MinValue;

    /// <summary>How many pushes ended with the run on the remote (tests and benchmarks).</summary>
    public int Succeeded => Volatile.Read(ref _succeeded);

    /// <summary>Starts a push on the thread pool, unless one is in flight or the run has ended. Returns at once.</summary>
    public void PushInBackground()
    {
        lock (_gate)
        {
            if (_closed || _inFlight is { IsCompleted: false })
            {
                return;
            }

            _cancel?.Dispose();
            var cancel = new CancellationTokenSource(_timeout);
            _cancel = cancel;
            LastStart = DateTime.UtcNow;
            _inFlight = Task.Run(() => PushOnce(cancel.Token, background: true));
        }
    }

    /// <summary>
    /// The run has ended: stops a push in flight (its git is killed) and pushes the final state on this thread, in at
    /// most the timeout (and the moment it takes to stop the other). Later calls do nothing.
    /// </summary>
    public void PushFinal()
    {
        Task? running;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            running = _inFlight;
            _cancel?.Cancel();
        }

        try
        {
            running?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // PushOnce catches everything; nothing to see here
        }

        LastStart = DateTime.UtcNow;
        using var final = new CancellationTokenSource(_timeout);
        PushOnce(final.Token, background: false);
        lock (_gate)
        {
            _cancel?.Dispose();
            _cancel = null;
        }
    }

    private void PushOnce(CancellationToken cancellation, bool background)
    {
        try
        {
            var store = new RunRefStore(_repository, gitExecutable: null, cancellation, _timeout);
            store.Save(new Dictionary<string, string>(StringComparer.Ordinal) { [_runId] = _runFolder }, "Repro.Runs: run " + _runId);
            store.Push(_remote);
            Interlocked.Increment(ref _succeeded);
        }
        catch (OperationCanceledException)
        {
            bool superseded;
            lock (_gate)
            {
                superseded = background && _closed; // stopped for the final push, which tells its own outcome
            }

            if (!superseded)
            {
                var seconds = _timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
                Report($"git did not finish within {seconds} seconds and was stopped "
                    + $"(set ReproRunOptions.ShareTimeout or {ShareSettings.TimeoutVariable} to wait longer)");
            }
        }
        catch (RunShareException ex)
        {
            Report(ex.Message);
        }
        catch (GitExecutableNotFoundException ex)
        {
            Report(ex.Message + " Install git and put it on PATH");
        }
        catch (GitCommandException ex)
        {
            Report(ex.Message);
        }
#pragma warning disable CA1031 // a push is a courtesy to the team: nothing it meets may reach the training code
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Report($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private void Report(string reason)
    {
        if (Interlocked.Exchange(ref _reported, 1) != 0)
        {
            return;
        }

        // git names remotes in its errors, and a URL may carry a token: GitCommandRunner redacts, this is the last net.
        var text = SecretDetector.RedactInline(reason.Trim().TrimEnd('.'));
        _failed($"the run could not be pushed to the git remote '{_remote}' ({text}); training goes on, and later pushes of this run "
            + $"are still tried. Share it afterwards with 'dotnet repro push {_remote}'.");
    }
}
