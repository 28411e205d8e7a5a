using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Repro.Build.Git;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Tasks;

/// <summary>
/// Starts capturing the manifest of one project and target framework on a background thread, early in the build:
/// nothing in the manifest depends on what the build produces, so the capture (git status, reading the assets file,
/// compiling our code paths) overlaps with the rest of the build. <see cref="WriteReproManifest"/> collects the result.
/// The git part is shared by every project and target framework of a repository within one build.
/// </summary>
public sealed class StartReproManifest : ReproTask
{
    private static readonly object CacheGate = new();

    [Required]
    public string ManifestPath { get; set; } = "";

    [Required]
    public string PatchPath { get; set; } = "";

    [Required]
    public string ProjectDirectory { get; set; } = "";

    public string? ProjectName { get; set; }

    public string? TargetFramework { get; set; }

    public string? TargetFrameworkMoniker { get; set; }

    public string? RuntimeIdentifier { get; set; }

    public string? Configuration { get; set; }

    public string? ProjectAssetsFile { get; set; }

    public string? LockFilePath { get; set; }

    public bool SuggestLockFile { get; set; } = true;

    public string? SdkVersion { get; set; }

    public string? MsbuildVersion { get; set; }

    public string? CompilerDirectory { get; set; }

    /// <summary>False skips reading the repository; the manifest then records <c>"git": null</c> without a warning.</summary>
    public bool RecordGit { get; set; } = true;

    /// <summary>False skips the git executable (dirty state and patch).</summary>
    public bool RunGitStatus { get; set; } = true;

    public string? PatchMaxBytes { get; set; }

    /// <summary>The git executable to run (<c>$(ReproGitExecutable)</c>); git on PATH when empty.</summary>
    public string? GitExecutable { get; set; }

    public bool Strict { get; set; }

    public ITaskItem[] CompileItems { get; set; } = Array.Empty<ITaskItem>();

    public string? IntermediateDirectory { get; set; }

    /// <summary><c>@(ReproData)</c>: files and folders, with optional <c>Group</c> metadata.</summary>
    public ITaskItem[] DataItems { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>@(ReproProperty)</c> with the property's value in <c>Value</c> metadata.</summary>
    public ITaskItem[] RecordedProperties { get; set; } = Array.Empty<ITaskItem>();

    public string? HashCachePath { get; set; }

    public string? Seed { get; set; }

    public string? Optimize { get; set; }

    public string? Deterministic { get; set; }

    public string? DefineConstants { get; set; }

    public string? Platform { get; set; }

    public string? LangVersion { get; set; }

    public string? Nullable { get; set; }

    public string? CheckForOverflowUnderflow { get; set; }

    public ITaskItem[] ConfigItems { get; set; } = Array.Empty<ITaskItem>();

    public ITaskItem[] AssumptionItems { get; set; } = Array.Empty<ITaskItem>();

    public ITaskItem[] EnvironmentVariableItems { get; set; } = Array.Empty<ITaskItem>();

    public bool RecordHost { get; set; }

    public string? DotnetRoot { get; set; }

    /// <summary>The task parameters that <see cref="CreateRequest"/> maps by hand; every other one is copied by name (<see cref="TaskInputs"/>).</summary>
    internal static readonly string[] HandledInputs =
    {
        nameof(ManifestPath), nameof(PatchPath), nameof(RunGitStatus), nameof(PatchMaxBytes), nameof(GitExecutable),
        nameof(CompileItems), nameof(DataItems), nameof(RecordedProperties), nameof(HashCachePath), nameof(ConfigItems), nameof(AssumptionItems),
        nameof(EnvironmentVariableItems), nameof(DotnetRoot),
    };

    public override bool Execute()
    {
        if (BuildEngine is not IBuildEngine4 engine)
        {
            return true; // every MSBuild engine is one; without it WriteReproManifest reports REPRO900 and writes nothing
        }

        var request = CreateRequest();
        var pending = new PendingManifest(request);
        engine.RegisterTaskObject(PendingManifest.KeyFor(ManifestPath), pending, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        pending.Start();
        return true;
    }

    private ManifestRequest CreateRequest()
    {
        var gitOptions = new GitCaptureOptions { RunGit = RunGitStatus, GitExecutable = string.IsNullOrWhiteSpace(GitExecutable) ? null : GitExecutable };
        if (!string.IsNullOrWhiteSpace(PatchMaxBytes))
        {
            if (long.TryParse(PatchMaxBytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) && max >= 0)
            {
                gitOptions.MaxPatchBytes = max;
            }
            else
            {
                Log.Warn(DiagnosticIds.InvalidSetting,
                    $"ReproPatchMaxBytes is '{PatchMaxBytes}', which is not a whole number of bytes; the default of {GitCaptureOptions.DefaultMaxPatchBytes} bytes is used.",
                    BuildEngine?.ProjectFileOfTaskNode);
            }
        }

        var request = new ManifestRequest();
        TaskInputs.CopyByName(this, request, emptyAsNull: false);
        TaskInputs.CopyByName(this, request.Build, emptyAsNull: true);
        request.GitOptions = gitOptions;
        request.PatchFileName = Path.GetFileName(PatchPath);
        request.HashCachePath = string.IsNullOrEmpty(HashCachePath) ? null : HashCachePath;

        foreach (var item in CompileItems)
        {
            request.CompileItems.Add(item.GetMetadata("FullPath"));
        }

        foreach (var item in DataItems)
        {
            request.Data.Add(new Repro.Build.Data.DataDeclaration(item.ItemSpec, Path.GetFullPath(Path.Combine(ProjectDirectory, item.ItemSpec)), item.GetMetadata("Group")));
        }

        foreach (var item in ConfigItems)
        {
            request.ConfigFiles.Add(new KeyValuePair<string, string>(item.ItemSpec, Path.GetFullPath(Path.Combine(ProjectDirectory, item.ItemSpec))));
        }

        foreach (var item in AssumptionItems)
        {
            request.AssumptionFiles.Add(new KeyValuePair<string, string>(item.ItemSpec, Path.GetFullPath(Path.Combine(ProjectDirectory, item.ItemSpec))));
        }

        foreach (var item in EnvironmentVariableItems)
        {
            // MSBuild would expand a '*' in Include as a file glob: prefixes are marked with Prefix="true" instead.
            var prefix = string.Equals(item.GetMetadata("Prefix"), "true", StringComparison.OrdinalIgnoreCase);
            request.EnvironmentVariableNames.Add(prefix ? item.ItemSpec + "*" : item.ItemSpec);
        }

        request.DotnetRoot = NullIfEmpty(DotnetRoot ?? "");

        foreach (var item in RecordedProperties)
        {
            request.Build.Properties[item.ItemSpec] = item.GetMetadata("Value");
        }
        // Resolved now, on the build's thread: the engine must not be called once this task has returned.
        var snapshot = GetSharedSnapshot(request);
        request.GitSnapshotProvider = () => snapshot.Value;

        return request;
    }

    /// <summary>One capture per repository and build, shared by every project and target framework built in this process.</summary>
    private Lazy<GitSnapshot> GetSharedSnapshot(ManifestRequest request)
    {
        var options = request.GitOptions;
        var directory = request.ProjectDirectory;
        var lazy = new Lazy<GitSnapshot>(() => GitCapture.Capture(directory, options), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        GitRepositoryLocation? location;
        try
        {
            location = GitRepositoryLocator.Locate(directory);
        }
        catch (Exception ex) when (ex is GitFormatException || ReadFailure.IsExpected(ex))
        {
            location = null; // the capture reports it
        }

        if (location is null || BuildEngine is not IBuildEngine4 engine)
        {
            return lazy;
        }

        var key = string.Join("|", "Repro.Build.GitSnapshot", location.WorkingDirectory, options.RunGit, options.MaxPatchBytes, options.GitExecutable);
        lock (CacheGate)
        {
            if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is Lazy<GitSnapshot> registered)
            {
                return registered;
            }

            engine.RegisterTaskObject(key, lazy, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
            return lazy;
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
