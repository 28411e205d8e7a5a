using Repro.Build.Data;
using Spectre.Console;

namespace Repro.Tool.Output;

/// <summary>A progress bar for long hashing on a terminal, fed from Core's <see cref="HashProgress"/>.</summary>
public static class TerminalProgress
{
    public static T Run<T>(string description, HashProgress progress, Func<T> work) =>
        Run(description, () => progress.BytesDone, () => progress.BytesTotal, work);

    /// <summary>A progress bar of bytes, read from <paramref name="done"/> and <paramref name="total"/> ten times a
    /// second while <paramref name="work"/> runs.</summary>
    public static T Run<T>(string description, Func<long> done, Func<long> total, Func<T> work)
    {
        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(description, maxValue: 1);
                var running = Task.Run(work);
                while (!running.Wait(100))
                {
                    var bytes = total();
                    if (bytes > 0)
                    {
                        task.MaxValue = bytes;
                        task.Value = done();
                    }
                }

                task.Value = task.MaxValue;
                return running.GetAwaiter().GetResult();
            });
    }
}
