using System;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Tasks;

/// <summary>
/// Before compilation: writes the generated <c>ReproBuildInfo</c> class and the embedded part of the manifest under
/// obj/, each only when its content changed, so an unchanged build leaves the compiler's inputs alone. In design-time
/// builds it never waits for a capture: it keeps the files of the last build, or writes a placeholder class.
/// </summary>
public sealed class WriteReproBuildInfo : Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    [Required]
    public string ManifestPath { get; set; } = "";

    [Required]
    public string SourcePath { get; set; } = "";

    [Required]
    public string EmbeddedManifestPath { get; set; } = "";

    public bool DesignTime { get; set; }

    /// <summary>Ctrl+C: stop waiting for the capture.</summary>
    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        try
        {
            if (DesignTime)
            {
                if (!File.Exists(SourcePath))
                {
                    AtomicFile.WriteIfChanged(SourcePath, Encoding.UTF8.GetBytes(BuildInfoSourceWriter.Generate(null)));
                }

                return true;
            }

            var pending = (BuildEngine as IBuildEngine4)?.GetRegisteredTaskObject(PendingManifest.KeyFor(ManifestPath), RegisteredTaskObjectLifetime.Build) as PendingManifest;
            var manifest = pending?.Wait(_ => { }, _cancellation.Token).Collection.Manifest;
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogWarning(null, DiagnosticIds.ManifestNotWritten, null, DiagnosticIds.HelpLink(DiagnosticIds.ManifestNotWritten), SourcePath, 0, 0, 0, 0,
                "The generated ReproBuildInfo class could not be written ({0}). Check that obj/ is writable, or set ReproGenerateBuildInfo=false.", ex.Message);
        }
        catch (OperationCanceledException)
        {
            Log.LogMessage(MessageImportance.Normal, "Repro.Build: the build was cancelled.");
            return false;
        }
        catch (Exception ex)
        {
            // The capture failed; WriteReproManifest reports why. Keep the class compilable with unknown values.
            try
            {
                AtomicFile.WriteIfChanged(SourcePath, Encoding.UTF8.GetBytes(BuildInfoSourceWriter.Generate(null)));
                DeleteStaleEmbeddedManifest();
            }
            catch (Exception writeFailure) when (ReadFailure.IsExpected(writeFailure))
            {
                Log.LogWarning(null, DiagnosticIds.ManifestNotWritten, null, DiagnosticIds.HelpLink(DiagnosticIds.ManifestNotWritten), SourcePath, 0, 0, 0, 0,
                    "The generated ReproBuildInfo class could not be written ({0}). Check that obj/ is writable, or set ReproGenerateBuildInfo=false.", writeFailure.Message);
            }

            Log.LogMessage(MessageImportance.Low, "The manifest capture failed ({0}); ReproBuildInfo holds no values.", ex.Message);
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
