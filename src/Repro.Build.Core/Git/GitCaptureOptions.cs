using System;

namespace Repro.Build.Git;

public sealed class GitCaptureOptions
{
    public const long DefaultMaxPatchBytes = 4 * 1024 * 1024;

    /// <summary>False skips the git executable (status and patch): <c>dirty</c> is then null.</summary>
    public bool RunGit { get; set; } = true;

    public string? GitExecutable { get; set; }

    public long MaxPatchBytes { get; set; } = DefaultMaxPatchBytes;

    /// <summary>Cancelled when the build is: git is stopped and no further file is read.</summary>
    public System.Threading.CancellationToken Cancellation { get; set; }

    /// <summary>Reads environment variables (for the CI's branch); replaceable in tests.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;
}
