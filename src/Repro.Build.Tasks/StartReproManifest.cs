using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.Build.Framework;
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

        // On the build's thread: what needs the engine or MSBuild's objects (the log, the items, the shared git
        // captures), and the process environment, which MSBuild sets per project. The rest runs on the capture's thread.
        var maxPatchBytes = ReadPatchMaxBytes();
        var items = new Items(this);
        var environment = Environment.GetEnvironmentVariables();
        var snapshots = SharedSnapshots.For(engine);
        var pending = new PendingManifest(() => CreateRequest(items, environment, maxPatchBytes, snapshots));
        engine.RegisterTaskObject(PendingManifest.KeyFor(ManifestPath), pending, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        pending.Start();
        return true;
    }

    private long ReadPatchMaxBytes()
    {
        if (string.IsNullOrWhiteSpace(PatchMaxBytes))
        {
            return GitCaptureOptions.DefaultMaxPatchBytes;
        }

        if (long.TryParse(PatchMaxBytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) && max >= 0)
        {
            return max;
        }

        Log.Warn(DiagnosticIds.InvalidSetting,
            $"ReproPatchMaxBytes is '{PatchMaxBytes}', which is not a whole number of bytes; the default of {GitCaptureOptions.DefaultMaxPatchBytes} bytes is "
                + "used.",
            BuildEngine?.ProjectFileOfTaskNode);
        return GitCaptureOptions.DefaultMaxPatchBytes;
    }

    /// <summary>Runs on the capture's thread: reads only this task's own properties and the copies taken in <see cref="Execute"/>.</summary>
    private ManifestRequest CreateRequest(Items items, System.Collections.IDictionary environment, long maxPatchBytes, SharedSnapshots snapshots)
    {
        var request = new ManifestRequest { EnvironmentVariables = environment };
        TaskInputs.CopyByName(this, request, emptyAsNull: false);
        TaskInputs.CopyByName(this, request.Build, emptyAsNull: true);
        request.GitOptions = new GitCaptureOptions
        {
            RunGit = RunGitStatus,
            GitExecutable = string.IsNullOrWhiteSpace(GitExecutable) ? null : GitExecutable,
            MaxPatchBytes = maxPatchBytes,
            BelowNormalPriority = true, // the capture runs beside the build: it takes the cores the build leaves idle
        };
        request.PatchFileName = Path.GetFileName(PatchPath);
        request.HashCachePath = string.IsNullOrEmpty(HashCachePath) ? null : HashCachePath;
        request.DotnetRoot = NullIfEmpty(DotnetRoot ?? "");

        request.CompileItems.AddRange(items.Compile); // SourceHasher resolves them against the project's folder

        for (var i = 0; i < items.Data.Length; i++)
        {
            request.Data.Add(new Repro.Build.Data.DataDeclaration(items.Data[i], FullPath(items.Data[i]), items.DataGroups[i]));
        }

        foreach (var spec in items.Config)
        {
            request.ConfigFiles.Add(new KeyValuePair<string, string>(spec, FullPath(spec)));
        }

        foreach (var spec in items.Assumptions)
        {
            request.AssumptionFiles.Add(new KeyValuePair<string, string>(spec, FullPath(spec)));
        }

        request.EnvironmentVariableNames.AddRange(items.EnvironmentVariableNames);
        for (var i = 0; i < items.PropertyNames.Length; i++)
        {
            request.Build.Properties[items.PropertyNames[i]] = items.PropertyValues[i];
        }

        var snapshot = snapshots.Get(request.ProjectDirectory, request.GitOptions);
        request.GitSnapshotProvider = () => snapshot.Value;
        return request;
    }

    private string FullPath(string spec) => Path.GetFullPath(Path.Combine(ProjectDirectory, spec));

    /// <summary>
    /// The task's items as plain strings, taken on the build's thread (MSBuild's item objects are not ours to read
    /// later). Arrays of strings, not of tuples: a generic over a value type would be JIT-compiled on every build.
    /// </summary>
    private sealed class Items
    {
        public Items(StartReproManifest task)
        {
            Compile = Specs(task.CompileItems);
            Data = Specs(task.DataItems);
            DataGroups = Metadata(task.DataItems, "Group");
            Config = Specs(task.ConfigItems);
            Assumptions = Specs(task.AssumptionItems);

            // MSBuild would expand a '*' in Include as a file glob: prefixes are marked with Prefix="true" instead.
            EnvironmentVariableNames = Specs(task.EnvironmentVariableItems);
            var prefix = Metadata(task.EnvironmentVariableItems, "Prefix");
            for (var i = 0; i < prefix.Length; i++)
            {
                if (string.Equals(prefix[i], "true", StringComparison.OrdinalIgnoreCase))
                {
                    EnvironmentVariableNames[i] += "*";
                }
            }

            PropertyNames = Specs(task.RecordedProperties);
            PropertyValues = Metadata(task.RecordedProperties, "Value");
        }

        public string[] Compile { get; }

        public string[] Data { get; }

        public string[] DataGroups { get; }

        public string[] Config { get; }

        public string[] Assumptions { get; }

        public string[] EnvironmentVariableNames { get; }

        public string[] PropertyNames { get; }

        public string[] PropertyValues { get; }

        private static string[] Specs(ITaskItem[] items)
        {
            var specs = new string[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                specs[i] = items[i].ItemSpec;
            }

            return specs;
        }

        private static string[] Metadata(ITaskItem[] items, string name)
        {
            var values = new string[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                values[i] = items[i].GetMetadata(name);
            }

            return values;
        }
    }

    /// <summary>
    /// One git capture per repository and build, shared by every project and target framework built in this process:
    /// one object registered with the engine per build, filled in from the capture threads.
    /// </summary>
    private sealed class SharedSnapshots
    {
        private const string Key = "Repro.Build.GitSnapshots";
        private readonly Dictionary<string, Lazy<GitSnapshot>> _byRepository = new(StringComparer.Ordinal);

        /// <summary>On the build's thread: the object of this build, registered by the first project that asks.</summary>
        public static SharedSnapshots For(IBuildEngine4 engine)
        {
            lock (CacheGate)
            {
                if (engine.GetRegisteredTaskObject(Key, RegisteredTaskObjectLifetime.Build) is SharedSnapshots registered)
                {
                    return registered;
                }

                var created = new SharedSnapshots();
                engine.RegisterTaskObject(Key, created, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
                return created;
            }
        }

        public Lazy<GitSnapshot> Get(string projectDirectory, GitCaptureOptions options)
        {
            var own = new Lazy<GitSnapshot>(() => GitCapture.Capture(projectDirectory, options), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            GitRepositoryLocation? location;
            try
            {
                location = GitRepositoryLocator.Locate(projectDirectory);
            }
            catch (Exception ex) when (ex is GitFormatException || ReadFailure.IsExpected(ex))
            {
                location = null; // the capture reports it
            }

            if (location is null)
            {
                return own;
            }

            var key = string.Join("|", location.WorkingDirectory, options.RunGit, options.MaxPatchBytes, options.GitExecutable);
            lock (_byRepository)
            {
                if (_byRepository.TryGetValue(key, out var shared))
                {
                    return shared;
                }

                _byRepository.Add(key, own);
                return own;
            }
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
