using System;

namespace Repro.Build.Git;

public sealed class GitCaptureOptions
{
    public const long DefaultMaxPatchBytes = 4 * 1024 * 1024;

    /// <summary>False skips the git executable (status and patch): <c>dirty</c> is then null.</summary>
    public bool RunGit { get; set; } = true;

    public string? GitExecutable { get; set; }

    /// <summary>
    /// True runs git below normal priority (nice 10 on Linux and macOS): a build's capture runs beside the build and
    /// should use only the cores the build leaves idle; while a build step waits for the capture, those are the cores
    /// it has given up. The tool, which the user waits on, leaves it false.
    /// </summary>
    public bool BelowNormalPriority { get; set; }

    public long MaxPatchBytes { get; set; } = DefaultMaxPatchBytes;

    /// <summary>Cancelled when the build is: git is stopped and no further file is read.</summary>
    public System.Threading.CancellationToken Cancellation { get; set; }

    /// <summary>Reads environment variables (for the CI's branch); replaceable in tests.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;
}
