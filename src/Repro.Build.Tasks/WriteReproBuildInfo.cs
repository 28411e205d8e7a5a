using System;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.Build.Framework;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Tasks;

/// <summary>
/// Before compilation: writes the generated <c>ReproBuildInfo</c> class and the embedded part of the manifest under
/// obj/, each only when its content changed, so an unchanged build leaves the compiler's inputs alone. In design-time
/// builds it never waits for a capture: it keeps the files of the last build, or writes a placeholder class.
/// </summary>
public sealed class WriteReproBuildInfo : ReproTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    [Required]
    public string ManifestPath { get; set; } = "";

    [Required]
    public string SourcePath { get; set; } = "";

    [Required]
    public string EmbeddedManifestPath { get; set; } = "";

    /// <summary><c>@(ResolvedTargetingPack)</c>: the framework name with NuGetPackageId and NuGetPackageVersion metadata.</summary>
    public ITaskItem[] TargetingPacks { get; set; } = Array.Empty<ITaskItem>();

    public bool DesignTime { get; set; }

    /// <summary>Ctrl+C: stop waiting for the capture.</summary>
    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        ReproManifest? manifest = null;
        if (!DesignTime)
        {
            var pending = (BuildEngine as IBuildEngine4)?.GetRegisteredTaskObject(PendingManifest.KeyFor(ManifestPath),
                RegisteredTaskObjectLifetime.Build) as PendingManifest;
            try
            {
                manifest = pending?.Wait(PendingManifest.ToTargetingPacks(TargetingPacks), _ => { }, _cancellation.Token).Collection.Manifest;
            }
            catch (OperationCanceledException)
            {
                Log.LogMessage(MessageImportance.Normal, "Repro.Build: the build was cancelled.");
                return false;
            }
            catch (Exception ex)
            {
                // The capture failed; WriteReproManifest reports why. The class stays compilable with unknown values.
                Log.LogMessage(MessageImportance.Low, "The manifest capture failed ({0}); ReproBuildInfo holds no values.", ex.Message);
            }
        }

        try
        {
            if (DesignTime)
            {
                // Never wait in the IDE's background builds: keep the last build's class, or a placeholder.
                if (!File.Exists(SourcePath))
                {
                    AtomicFile.WriteIfChanged(SourcePath, Encoding.UTF8.GetBytes(BuildInfoSourceWriter.Generate(null)));
                }

                return true;
            }

            AtomicFile.WriteIfChanged(SourcePath, Encoding.UTF8.GetBytes(BuildInfoSourceWriter.Generate(manifest)));
            if (manifest is not null)
            {
                AtomicFile.WriteIfChanged(EmbeddedManifestPath, EmbeddedManifestWriter.ToUtf8Bytes(manifest));
            }
            else
            {
                DeleteStaleEmbeddedManifest();
            }
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            Log.Warn(DiagnosticIds.ManifestNotWritten,
                $"The generated ReproBuildInfo class could not be written ({ex.Message}). Check that obj/ is writable, or set ReproGenerateBuildInfo=false.",
                    SourcePath);
        }

        return !Log.HasLoggedErrors;
    }

    // An embedded manifest from an earlier build must not pass for this one.
    private void DeleteStaleEmbeddedManifest()
    {
        if (File.Exists(EmbeddedManifestPath))
        {
            File.Delete(EmbeddedManifestPath);
        }
    }
}
