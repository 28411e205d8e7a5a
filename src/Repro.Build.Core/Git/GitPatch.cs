using System.Collections.Generic;

using Repro.Build.Manifest;

namespace Repro.Build.Git;

/// <summary>The uncommitted work of a repository as one patch that <c>git apply</c> replays on a clean checkout of HEAD.</summary>
public sealed class GitPatch
{
    private string? _sha256;

    public GitPatch(byte[] content, List<OmittedFile> omitted, bool truncated, List<UntrackedEntry> untracked, string? sha256 = null)
    {
        _sha256 = sha256;
        Content = content;
        Omitted = omitted;
        Truncated = truncated;
        Untracked = untracked;
    }

    public byte[] Content { get; }

    /// <summary>The SHA-256 of <see cref="Content"/>, computed once (or known from the cache, which checked it).</summary>
    public string Sha256 => _sha256 ??= Repro.Build.IO.Hashing.Sha256Hex(Content);

    public List<OmittedFile> Omitted { get; }

    /// <summary>True when the size cap left changes out.</summary>
    public bool Truncated { get; }

    /// <summary>Untracked files listed by hash instead of carried (data, binaries, large untracked sets).</summary>
    public List<UntrackedEntry> Untracked { get; }
}
