using System;
using System.Collections.Generic;
#if NET
using System.Runtime.InteropServices;
#endif

namespace Repro.Runs;

/// <summary>
/// Ends the live runs with the process: at exit, on an unhandled exception, and on Ctrl+C and termination signals
/// (through <c>PosixSignalRegistration</c> on .NET, <c>Console.CancelKeyPress</c> elsewhere). Registered once per
/// process, on the first run; the handlers never cancel a signal, so the program's own handling stays as it was. A
/// signal that nothing cancels ends the process without raising ProcessExit, so its handler ends the runs itself; one
/// that the program cancelled (a Ctrl+C handler registered before, which runs first) only flushes them.
/// </summary>
internal static class ProcessHooks
{
    private static readonly object Gate = new();
    private static readonly List<RunLifecycle> Live = [];
    private static bool _registered;
#if NET
    private static readonly List<PosixSignalRegistration> Registrations = [];
#endif

    public static void Add(RunLifecycle run)
    {
        lock (Gate)
        {
            Live.Add(run);
            if (_registered)
            {
                return;
            }

            _registered = true;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => ForEach(run => run.EndWithProcess());
            AppDomain.CurrentDomain.UnhandledException += (_, e) => ForEach(run => run.EndWithException(e.ExceptionObject as Exception));
#if NET
            var signals = new[] { (PosixSignal.SIGINT, "SIGINT"), (PosixSignal.SIGTERM, "SIGTERM"), (PosixSignal.SIGHUP, "SIGHUP"), (PosixSignal.SIGQUIT,
                "SIGQUIT") };
            foreach (var (signal, name) in signals)
            {
                try
                {
                    Registrations.Add(PosixSignalRegistration.Create(signal, context => ForEach(run => run.OnSignal(name, context.Cancel))));
                }
                catch (Exception ex) when (ex is PlatformNotSupportedException or System.IO.IOException)
                {
                    // a platform without this signal (browser, some Windows hosts)
                }
            }
#else
            Console.CancelKeyPress += (_, e) => ForEach(run => run.OnSignal("SIGINT", e.Cancel));
#endif
        }
    }

    public static void Remove(RunLifecycle run)
    {
        lock (Gate)
        {
            Live.Remove(run);
        }
    }

    private static void ForEach(Action<RunLifecycle> action)
    {
        RunLifecycle[] runs;
        lock (Gate)
        {
            runs = Live.ToArray();
        }

        foreach (var run in runs)
        {
            action(run);
        }
    }
}
