using System.Collections.Generic;

namespace Repro.Build.Git;

/// <summary>A file changed in the working tree that the patch does not carry, and why.</summary>
public sealed class OmittedFile
{
    public OmittedFile(string path, string reason)
    {
        Path = path;
        Reason = reason;
    }

    public string Path { get; }

    /// <summary><c>secret-name</c>, <c>secret-content</c>, <c>binary</c> (untracked binary files) or <c>size-cap</c>.</summary>
    public string Reason { get; }
}

/// <summary>The uncommitted work of a repository as one patch that <c>git apply</c> replays on a clean checkout of HEAD.</summary>
public sealed class GitPatch
{
    public GitPatch(byte[] content, List<OmittedFile> omitted, bool truncated)
    {
        Content = content;
        Omitted = omitted;
        Truncated = truncated;
    }

    public byte[] Content { get; }

    public List<OmittedFile> Omitted { get; }

    /// <summary>True when the size cap left changes out.</summary>
    public bool Truncated { get; }
}
