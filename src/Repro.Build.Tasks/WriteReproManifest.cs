using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Tasks;

/// <summary>
/// Captures the manifest of one project and target framework and writes it when its content changed. It runs on every
/// build (HEAD can move without any file MSBuild tracks changing) and is cheap: it reads a few small files.
/// </summary>
public sealed class WriteReproManifest : Task
{
    [Required]
    public string ManifestPath { get; set; } = "";

    [Required]
    public string ProjectDirectory { get; set; } = "";

    public string? ProjectName { get; set; }

    public string? TargetFramework { get; set; }

    public string? TargetFrameworkMoniker { get; set; }

    public string? RuntimeIdentifier { get; set; }

    public string? Configuration { get; set; }

    public string? ProjectAssetsFile { get; set; }

    public string? SdkVersion { get; set; }

    public string? MsbuildVersion { get; set; }

    /// <summary>False skips reading the repository; the manifest then records <c>"git": null</c> without a warning.</summary>
    public bool RecordGit { get; set; } = true;

    /// <summary>True when the file was (re)written by this call.</summary>
    [Output]
    public bool ManifestWritten { get; private set; }

    public override bool Execute()
    {
        try
        {
            var diagnostics = new List<ReproDiagnostic>();
            var manifest = ManifestCollector.Collect(
                new ManifestRequest
                {
                    ProjectDirectory = ProjectDirectory,
                    ProjectName = ProjectName,
                    TargetFramework = TargetFramework,
                    TargetFrameworkMoniker = TargetFrameworkMoniker,
                    RuntimeIdentifier = RuntimeIdentifier,
                    Configuration = Configuration,
                    ProjectAssetsFile = ProjectAssetsFile,
                    SdkVersion = SdkVersion,
                    MsbuildVersion = MsbuildVersion,
                    RecordGit = RecordGit,
                },
                diagnostics);

            foreach (var diagnostic in diagnostics)
            {
                Report(diagnostic);
            }

            Write(manifest);
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

    private void Write(ReproManifest manifest)
    {
        try
        {
            ManifestWritten = AtomicFile.WriteIfChanged(ManifestPath, ManifestSerializer.ToUtf8Bytes(manifest));
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
}
