using System;
using System.IO;
using System.Threading;
using Microsoft.Build.Framework;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Tasks;

/// <summary>
/// Waits for the capture <see cref="StartReproManifest"/> began, reports its diagnostics, and writes the manifest (and
/// the patch of a dirty tree) when the content changed. Runs on every build: HEAD and the work tree can change without
/// any file MSBuild tracks changing.
/// </summary>
public sealed class WriteReproManifest : ReproTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    [Required]
    public string ManifestPath { get; set; } = "";

    [Required]
    public string PatchPath { get; set; } = "";

    /// <summary><c>@(ResolvedTargetingPack)</c>: the framework name with NuGetPackageId and NuGetPackageVersion metadata.</summary>
    public ITaskItem[] TargetingPacks { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>True when the manifest was (re)written by this call.</summary>
    [Output]
    public bool ManifestWritten { get; private set; }

    /// <summary>The manifest's fingerprint (<c>$(ReproFingerprint)</c>), empty when no manifest was captured.</summary>
    [Output]
    public string Fingerprint { get; private set; } = "";

    /// <summary>The git commit built (<c>$(ReproCommit)</c>), empty outside git.</summary>
    [Output]
    public string Commit { get; private set; } = "";

    /// <summary>Ctrl+C: stop waiting, stop the capture, and leave no manifest of an earlier build behind.</summary>
    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        try
        {
            var pending = (BuildEngine as IBuildEngine4)?.GetRegisteredTaskObject(PendingManifest.KeyFor(ManifestPath),
                RegisteredTaskObjectLifetime.Build) as PendingManifest;
            if (pending is null)
            {
                DeleteStaleFiles();
                Log.Warn(DiagnosticIds.UnexpectedFailure,
                    $"Repro.Build found no capture for '{ManifestPath}' (StartReproManifest did not run in this build). The manifest is not written; please "
                        + "report this at the project's issue tracker.",
                    BuildEngine?.ProjectFileOfTaskNode);
                return true;
            }

            var (collection, manifestBytes, diagnostics) = pending.Wait(PendingManifest.ToTargetingPacks(TargetingPacks), progress =>
            {
                if (progress.BytesTotal > 0)
                {
                    Log.LogMessage(MessageImportance.Normal, "Repro.Build: hashing data, {0:N0} of {1:N0} MB done ({2}).",
                        progress.BytesDone / (1024 * 1024), progress.BytesTotal / (1024 * 1024), progress.CurrentFile);
                }
            }, _cancellation.Token);
            foreach (var diagnostic in diagnostics)
            {
                Log.Report(diagnostic, BuildEngine?.ProjectFileOfTaskNode);
            }

            Write(collection, manifestBytes);
            Fingerprint = collection.Manifest.Fingerprint ?? "";
            Commit = collection.Manifest.Git?.Commit ?? "";
        }
        catch (OperationCanceledException)
        {
            DeleteStaleFiles();
            Log.LogMessage(MessageImportance.Normal, "Repro.Build: the build was cancelled; no manifest was written.");
            return false;
        }
        catch (Exception ex)
        {
            // Never break the user's build with a stack trace: name the failure and carry on. An earlier build's
            // manifest must not stay behind as if it described this build.
            DeleteStaleFiles();
            Log.Warn(DiagnosticIds.UnexpectedFailure,
                $"Repro.Build could not capture the manifest ({UnexpectedFailure.Describe(ex)}), so this build has no manifest (the one of an earlier build "
                    + "was deleted). The build goes on without it; please report this at the project's issue tracker.",
                BuildEngine?.ProjectFileOfTaskNode);
        }

        return !Log.HasLoggedErrors;
    }

    private void Write(ManifestCollection collection, byte[] manifestBytes)
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

            ManifestWritten = AtomicFile.WriteIfChanged(ManifestPath, manifestBytes);
            Log.LogMessage(MessageImportance.Low, ManifestWritten ? "Wrote '{0}'." : "'{0}' is up to date.", ManifestPath);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            Log.Warn(DiagnosticIds.ManifestNotWritten,
                $"The manifest could not be written ({ex.Message}). Check that the output folder is writable, or set GenerateReproManifest=false.",
                    ManifestPath);
        }
    }

    private void DeleteStaleFiles()
    {
        foreach (var path in new[] { ManifestPath, PatchPath })
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                Log.Warn(DiagnosticIds.ManifestNotWritten,
                    $"The manifest of an earlier build could not be deleted ({ex.Message}), and does not describe this build. Delete it by hand.", path);
            }
        }
    }
}
