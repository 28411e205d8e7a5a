using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>One recorded run that produced or read a file, and in what role.</summary>
public sealed class WhichMatch
{
    public WhichMatch(RunRecord run, string recordPath, string role, string path)
    {
        Run = run;
        RecordPath = recordPath;
        Role = role;
        Path = path;
    }

    public RunRecord Run { get; }

    public string RecordPath { get; }

    /// <summary><c>output</c>, <c>input</c>, <c>output of step train</c>, <c>input of step evaluate</c>, <c>data</c>.</summary>
    public string Role { get; }

    /// <summary>The path the run recorded for it.</summary>
    public string Path { get; }
}
