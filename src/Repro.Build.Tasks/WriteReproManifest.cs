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
/// Captures the manifest of one project and target framework and writes it (and the patch of a dirty tree) when the
/// content changed. It runs on every build (HEAD can move without any file MSBuild tracks changing); the expensive part,
/// git status and diff, runs once per repository per build and is shared by every project and target framework.
/// </summary>
public sealed class WriteReproManifest : Task
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

    /// <summary><c>@(ResolvedTargetingPack)</c>: the framework name with NuGetPackageId and NuGetPackageVersion metadata.</summary>
    public ITaskItem[] TargetingPacks { get; set; } = Array.Empty<ITaskItem>();

    public string? SdkVersion { get; set; }

    public string? MsbuildVersion { get; set; }

    public string? CompilerDirectory { get; set; }

    /// <summary>False skips reading the repository; the manifest then records <c>"git": null</c> without a warning.</summary>
    public bool RecordGit { get; set; } = true;

    /// <summary>False skips the git executable (dirty state and patch).</summary>
    public bool RunGitStatus { get; set; } = true;

    public string? PatchMaxBytes { get; set; }

    public bool Strict { get; set; }

    /// <summary>True when the manifest was (re)written by this call.</summary>
    [Output]
    public bool ManifestWritten { get; private set; }

    public override bool Execute()
    {
        try
        {
            var diagnostics = new List<ReproDiagnostic>();
            var request = CreateRequest();
            var collection = ManifestCollector.Collect(request, diagnostics);

            foreach (var diagnostic in diagnostics)
            {
                Report(diagnostic);
            }

            Write(collection);
        }
        catch (Exception ex)
        {
            // Never break the user's build with a stack trace: name the failure and carry on.
            Log.LogWarning(null, DiagnosticIds.UnexpectedFailure, null, DiagnosticIds.HelpLink(DiagnosticIds.UnexpectedFailure), null, 0, 0, 0, 0,
                "Repro.Build could not capture the manifest ({0}: {1}). The build goes on without it; please report this at the project's issue tracker.",
                ex.GetType().Name, ex.Message);
        }

        return !Log.HasLoggedErrors;
    }

    private ManifestRequest CreateRequest()
    {
        var gitOptions = new GitCaptureOptions { RunGit = RunGitStatus };
        if (!string.IsNullOrWhiteSpace(PatchMaxBytes))
        {
            if (long.TryParse(PatchMaxBytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) && max >= 0)
            {
                gitOptions.MaxPatchBytes = max;
            }
            else
            {
                Log.LogWarning(null, DiagnosticIds.InvalidSetting, null, DiagnosticIds.HelpLink(DiagnosticIds.InvalidSetting), BuildEngine?.ProjectFileOfTaskNode, 0, 0, 0, 0,
                    "ReproPatchMaxBytes is '{0}', which is not a whole number of bytes; the default of {1} bytes is used.", PatchMaxBytes, GitCaptureOptions.DefaultMaxPatchBytes);
            }
        }

        var request = new ManifestRequest
        {
            ProjectDirectory = ProjectDirectory,
            ProjectName = ProjectName,
            TargetFramework = TargetFramework,
            TargetFrameworkMoniker = TargetFrameworkMoniker,
            RuntimeIdentifier = RuntimeIdentifier,
            Configuration = Configuration,
            ProjectAssetsFile = ProjectAssetsFile,
            LockFilePath = LockFilePath,
            SuggestLockFile = SuggestLockFile,
            SdkVersion = SdkVersion,
            MsbuildVersion = MsbuildVersion,
            CompilerDirectory = CompilerDirectory,
            RecordGit = RecordGit,
            GitOptions = gitOptions,
            PatchFileName = Path.GetFileName(PatchPath),
            Strict = Strict,
        };
        request.GitSnapshotProvider = () => GetSharedSnapshot(request);

        foreach (var pack in TargetingPacks)
        {
            request.TargetingPacks.Add(new FrameworkReferenceEntry
            {
                Name = pack.ItemSpec,
                TargetingPack = NullIfEmpty(pack.GetMetadata("NuGetPackageId")),
                TargetingPackVersion = NullIfEmpty(pack.GetMetadata("NuGetPackageVersion")),
            });
        }

        return request;
    }

    /// <summary>One capture per repository and build, shared by every project and target framework built in this process.</summary>
    private GitSnapshot GetSharedSnapshot(ManifestRequest request)
    {
        GitRepositoryLocation? location;
        try
        {
            location = GitRepositoryLocator.Locate(request.ProjectDirectory);
        }
        catch (Exception ex) when (ex is GitFormatException or IOException or UnauthorizedAccessException)
        {
            location = null;
        }

        if (location is null || BuildEngine is not IBuildEngine4 engine)
        {
            return GitCapture.Capture(request.ProjectDirectory, request.GitOptions);
        }

        var key = string.Join("|", "Repro.Build.GitSnapshot", location.WorkingDirectory, request.GitOptions.RunGit, request.GitOptions.MaxPatchBytes);
        Lazy<GitSnapshot> lazy;
        lock (CacheGate)
        {
            if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is Lazy<GitSnapshot> registered)
            {
                lazy = registered;
            }
            else
            {
                var options = request.GitOptions;
                var directory = request.ProjectDirectory;
                lazy = new Lazy<GitSnapshot>(() => GitCapture.Capture(directory, options), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
                engine.RegisterTaskObject(key, lazy, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
            }
        }

        return lazy.Value;
    }

    private void Write(ManifestCollection collection)
    {
        try
        {
            // The patch first: a manifest never names a patch that is not there.
            if (collection.Patch is not null)
            {
                AtomicFile.WriteIfChanged(PatchPath, collection.Patch);
            }
            else if (File.Exists(PatchPath))
            {
                File.Delete(PatchPath); // left from an earlier, dirty build
            }

            ManifestWritten = AtomicFile.WriteIfChanged(ManifestPath, ManifestSerializer.ToUtf8Bytes(collection.Manifest));
            Log.LogMessage(MessageImportance.Low, ManifestWritten ? "Wrote '{0}'." : "'{0}' is up to date.", ManifestPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogWarning(null, DiagnosticIds.ManifestNotWritten, null, DiagnosticIds.HelpLink(DiagnosticIds.ManifestNotWritten), ManifestPath, 0, 0, 0, 0,
                "The manifest could not be written ({0}). Check that the output folder is writable, or set GenerateReproManifest=false.",
                ex.Message);
        }
    }

    private void Report(ReproDiagnostic diagnostic)
    {
        // Findings about the project as a whole point at the project file, not at our targets file.
        var file = diagnostic.File ?? BuildEngine?.ProjectFileOfTaskNode ?? "";
        var helpLink = DiagnosticIds.HelpLink(diagnostic.Code);
        switch (diagnostic.Severity)
        {
            case ReproDiagnosticSeverity.Error:
                Log.LogError(null, diagnostic.Code, null, helpLink, file, 0, 0, 0, 0, "{0}", diagnostic.Message);
                break;
            case ReproDiagnosticSeverity.Warning:
                Log.LogWarning(null, diagnostic.Code, null, helpLink, file, 0, 0, 0, 0, "{0}", diagnostic.Message);
                break;
            default:
                Log.LogMessage(null, diagnostic.Code, null, file, 0, 0, 0, 0, MessageImportance.Normal, "{0}", diagnostic.Message);
                break;
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
