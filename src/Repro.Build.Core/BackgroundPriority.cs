using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Repro.Build;

/// <summary>
/// Lowers the priority of a thread that works beside a build, so that it uses the cores the build leaves idle rather
/// than the build's own. Best effort: where it cannot be done the thread keeps its priority.
/// </summary>
public static class BackgroundPriority
{
    /// <summary>The nice value of a lowered thread on Linux: what <c>BelowNormal</c> gives a process.</summary>
    public const int LinuxNice = 10;

    /// <summary>
    /// Lowers the calling thread's priority for the rest of its life: call it only on a thread of your own, never on a
    /// pool thread. On Linux the thread's nice value rises to <see cref="LinuxNice"/> (a thread has a nice value of its
    /// own there, and processes it starts inherit it; an unprivileged process cannot lower it again, hence a thread of
    /// your own); on Windows it runs below normal. Elsewhere (macOS sets a nice value for the whole process) nothing
    /// changes.
    /// </summary>
    public static void LowerCurrentThread()
    {
        try
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                _ = Linux.setpriority(Linux.PrioProcess, Linux.gettid(), LinuxNice);
            }
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or ThreadStateException or PlatformNotSupportedException)
        {
            // An old C library without gettid, or a platform that refuses: the thread keeps its priority.
        }
    }

    private static class Linux
    {
        public const int PrioProcess = 0; // with a thread id, PRIO_PROCESS names that one thread on Linux

        [DllImport("libc", EntryPoint = "gettid")]
        public static extern int gettid();

        [DllImport("libc", EntryPoint = "setpriority")]
        public static extern int setpriority(int which, int who, int prio);
    }
}
