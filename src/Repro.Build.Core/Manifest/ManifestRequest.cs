using System;
using System.Collections.Generic;
using Repro.Build.Git;

namespace Repro.Build.Manifest;

/// <summary>What the build knows about the project; the collector adds what it reads from disk and the machine.</summary>
public sealed class ManifestRequest
{
    public string ProjectDirectory { get; set; } = "";

    public string? ProjectName { get; set; }

    public string? TargetFramework { get; set; }

    public string? TargetFrameworkMoniker { get; set; }

    public string? RuntimeIdentifier { get; set; }

    public string? Configuration { get; set; }

    public string? ProjectAssetsFile { get; set; }

    /// <summary><c>$(NuGetLockFilePath)</c> when the project sets it; otherwise NuGet's default names are looked for.</summary>
    public string? LockFilePath { get; set; }

    /// <summary>False silences the advice (REPRO203) to use a lock file.</summary>
    public bool SuggestLockFile { get; set; } = true;

    /// <summary>The targeting packs MSBuild resolved, by framework name.</summary>
    public List<FrameworkReferenceEntry> TargetingPacks { get; set; } = [];

    public string? SdkVersion { get; set; }

    public string? MsbuildVersion { get; set; }

    /// <summary><c>$(RoslynTargetsPath)</c>: where the compiler lives.</summary>
    public string? CompilerDirectory { get; set; }

    /// <summary>False leaves the git section null without a diagnostic (the user opted out).</summary>
    public bool RecordGit { get; set; } = true;

    public GitCaptureOptions GitOptions { get; set; } = new();

    /// <summary>Supplies the repository's snapshot; the MSBuild task shares one per repository and build. Defaults to capturing now.</summary>
    public Func<GitSnapshot>? GitSnapshotProvider { get; set; }

    /// <summary>The name the patch file gets beside the manifest, recorded in <c>git.patch</c>.</summary>
    public string PatchFileName { get; set; } = "repro.patch";

    /// <summary>True turns a dirty tree or an unknown commit into an error (REPRO105), and missing data into REPRO302 errors.</summary>
    public bool Strict { get; set; }

    public BuildSection Build { get; set; } = new();

    public string? Seed { get; set; }

    /// <summary>The Compile items: full paths, or relative to <see cref="ProjectDirectory"/> as MSBuild lists them.</summary>
    public List<string> CompileItems { get; set; } = [];

    /// <summary>The obj/ folder: Compile items below it are generated and not hashed as sources.</summary>
    public string? IntermediateDirectory { get; set; }

    public List<Repro.Build.Data.DataDeclaration> Data { get; set; } = [];

    /// <summary>Where the file-hash cache lives (under obj/); null disables it.</summary>
    public string? HashCachePath { get; set; }

    public Repro.Build.Data.HashProgress HashProgress { get; set; } = new();

    /// <summary>Names (or prefixes ending in '*') of environment variables to record besides the default allowlist.</summary>
    public List<string> EnvironmentVariableNames { get; set; } = [];

    private System.Collections.IDictionary? _environmentVariables;

    /// <summary>The process environment (read when first asked for); the build task sets the one it saw, tests their own.</summary>
    public System.Collections.IDictionary EnvironmentVariables
    {
        get => _environmentVariables ??= System.Environment.GetEnvironmentVariables();
        set => _environmentVariables = value;
    }

    /// <summary>True records the host and user names (off by default: they identify people and machines).</summary>
    public bool RecordHost { get; set; }

    /// <summary><c>@(ReproConfig)</c> as (declared path, full path).</summary>
    public List<KeyValuePair<string, string>> ConfigFiles { get; set; } = [];

    /// <summary><c>@(ReproAssumptions)</c>; when empty, <c>ASSUMPTIONS.md</c> beside the project is used if it exists.</summary>
    public List<KeyValuePair<string, string>> AssumptionFiles { get; set; } = [];

    /// <summary>The dotnet root (<c>$(NetCoreRoot)</c>), for the installed runtimes.</summary>
    public string? DotnetRoot { get; set; }

    /// <summary>Cancelled when the build is (Ctrl+C): the capture stops between files and blocks of a file.</summary>
    public System.Threading.CancellationToken Cancellation { get; set; }
}
