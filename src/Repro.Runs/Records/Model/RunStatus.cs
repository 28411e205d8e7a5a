namespace Repro.Runs.Records;

/// <summary>The values of <see cref="RunRecord.Status"/> and <see cref="RunStep.Status"/>.</summary>
public static class RunStatus
{
    /// <summary>Started and not ended; also what a run killed with SIGKILL (or a power loss) keeps.</summary>
    public const string Running = "running";

    /// <summary>Ended normally.</summary>
    public const string Finished = "finished";

    /// <summary>Ended by an exception (<see cref="RunRecord.Failure"/>) or a non-zero exit code.</summary>
    public const string Failed = "failed";

    /// <summary>Ended by a signal: Ctrl+C (SIGINT), SIGTERM, SIGHUP or SIGQUIT (<see cref="RunRecord.Signal"/>).</summary>
    public const string Killed = "killed";
}
