using System.Collections.Generic;
using Repro.Build.Manifest;

namespace Repro.Build.Git;

/// <summary>
/// What one capture of a repository found: the git section (without the patch file name, which depends on the
/// project), the patch bytes when the tree is dirty, and the diagnostics. Shared by every project and target framework
/// of the repository within one build.
/// </summary>
public sealed class GitSnapshot
{
    public GitSnapshot(string? repositoryRoot, GitSection? section, byte[]? patch, IReadOnlyList<ReproDiagnostic> diagnostics)
    {
        RepositoryRoot = repositoryRoot;
        Section = section;
        Patch = patch;
        Diagnostics = diagnostics;
    }

    /// <summary>The working tree's top folder; null when the project is in no repository.</summary>
    public string? RepositoryRoot { get; }

    public GitSection? Section { get; }

    public byte[]? Patch { get; }

    public IReadOnlyList<ReproDiagnostic> Diagnostics { get; }
}
