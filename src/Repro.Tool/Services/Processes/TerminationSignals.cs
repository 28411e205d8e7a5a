using System.Runtime.InteropServices;

namespace Repro.Tool.Services;

/// <summary>
/// Ctrl+C and the termination signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT) while the tool waits for a command it
/// started: without this, a signal ends the tool and leaves the command running, with nobody to wait for it.
/// </summary>
public sealed class TerminationSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly ConsoleCancelEventHandler? _cancelKeyPress;

    private TerminationSignals(Action<string> onSignal, bool keepRunning)
    {
        foreach (var (signal, name) in new[] { (PosixSignal.SIGINT, "SIGINT"), (PosixSignal.SIGTERM, "SIGTERM"), (PosixSignal.SIGHUP, "SIGHUP"),
            (PosixSignal.SIGQUIT, "SIGQUIT") })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = keepRunning || context.Cancel;
                    onSignal(name);
                }));
            }
            catch (Exception ex) when (ex is PlatformNotSupportedException or System.IO.IOException)
            {
                // a platform without this signal
            }
        }

        if (_registrations.Count == 0)
        {
            _cancelKeyPress = (_, e) =>
            {
                e.Cancel = keepRunning || e.Cancel;
                onSignal("SIGINT");
            };
            Console.CancelKeyPress += _cancelKeyPress;
        }
    }

    /// <summary>
    /// Calls <paramref name="onSignal"/> (on the signal's thread) with the signal's name. With <paramref name="keepRunning"/>
    /// the signal is cancelled: the tool goes on to clean up and report, and ends itself; otherwise the signal ends the
    /// tool once every handler has run.
    /// </summary>
    public static TerminationSignals Watch(Action<string> onSignal, bool keepRunning) => new(onSignal, keepRunning);

    /// <summary>The signal's number, as a shell reports an exit by it (128 + number): SIGHUP 1, SIGINT 2, SIGQUIT 3, SIGTERM 15.</summary>
    public static int Number(string signal) => signal switch
    {
        "SIGHUP" => 1,
        "SIGINT" => 2,
        "SIGQUIT" => 3,
        _ => 15,
    };

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        if (_cancelKeyPress is not null)
        {
            Console.CancelKeyPress -= _cancelKeyPress;
        }
    }
}
