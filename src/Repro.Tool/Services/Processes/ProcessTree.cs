using System.ComponentModel;
using System.Diagnostics;

namespace Repro.Tool.Services;

/// <summary>Stops a command the tool started together with every process it started (a training script's workers, a shell's children).</summary>
public static class ProcessTree
{
    /// <summary>How long to wait for the processes to be gone once killed.</summary>
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Why a command could not be started, as the system says it ("No such file or directory", "Permission denied"),
    /// without the runtime's sentence around it, which repeats the command and the folder.
    /// </summary>
    public static string StartFailure(Exception ex) =>
        ex is Win32Exception { NativeErrorCode: not 0 } native ? new Win32Exception(native.NativeErrorCode).Message : ex.Message;

    /// <summary>
    /// Waits for the process to end; when <paramref name="timeout"/> passes or <paramref name="stop"/> is cancelled first
    /// (a signal to the tool), kills it with every process it started (<see cref="Kill"/>) and returns false.
    /// </summary>
    public static bool WaitOrKill(Process process, TimeSpan timeout, CancellationToken stop)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stop);
        try
        {
            process.WaitForExitAsync(either.Token).GetAwaiter().GetResult();
            return true;
        }
        catch (OperationCanceledException)
        {
            // Killed here, not left to the signal's default action: the command's own children would outlive the tool.
            Kill(process);
            return false;
        }
    }

    /// <summary>Kills the process and its descendants and waits (briefly) for it to end; never throws.</summary>
    public static void Kill(Process process)
    {
        try
        {
            // Descendants are found while the process lives (after it, they belong to no one): kill the tree first, then wait.
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException or AggregateException)
        {
            // It ended on its own meanwhile, or a descendant could not be signalled (it ended, or is not ours).
        }

        try
        {
            process.WaitForExit((int)ExitWait.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // Not started by this object, or already disposed: nothing to wait for.
        }
    }
}
