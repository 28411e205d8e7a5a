using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using Repro.Build.Dependencies;
using Repro.Build.Git;

namespace Repro.Build.Manifest;

/// <summary>
/// Builds a manifest from a request. It never throws for bad input (no repository, a corrupt one, a missing assets
/// file): each such case leaves its section empty and adds a diagnostic that says what to do.
/// </summary>
public static class ManifestCollector
{
    public static ReproManifest Collect(ManifestRequest request, ICollection<ReproDiagnostic> diagnostics)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return new ReproManifest
        {
            Project = new ProjectSection
            {
                Name = request.ProjectName,
                TargetFramework = request.TargetFramework,
                Configuration = request.Configuration,
            },
            Git = request.RecordGit ? CollectGit(request.ProjectDirectory, diagnostics) : null,
            Dependencies = new DependenciesSection { Packages = CollectPackages(request, diagnostics) },
            Toolchain = new ToolchainSection
            {
                SdkVersion = NullIfEmpty(request.SdkVersion),
                MsbuildVersion = NullIfEmpty(request.MsbuildVersion),
            },
            Environment = new EnvironmentSection { Os = RuntimeInformation.OSDescription.Trim() },
        };
    }

    private static GitSection? CollectGit(string projectDirectory, ICollection<ReproDiagnostic> diagnostics)
    {
        try
        {
            var location = GitRepositoryLocator.Locate(projectDirectory);
            if (location is null)
            {
                diagnostics.Add(new ReproDiagnostic(
                    DiagnosticIds.NotInGitRepository,
                    ReproDiagnosticSeverity.Warning,
                    "The project is not in a git repository, so the manifest cannot record which code was built. " +
                    "Put the project under git (git init, then commit), or set ReproGit=false to stop recording git."));
                return null;
            }

            var head = new GitReferenceReader(location).ReadHead();
            return new GitSection { Commit = head.Commit, Branch = head.Branch };
        }
        catch (Exception ex) when (ex is GitFormatException or IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.GitRepositoryUnreadable,
                ReproDiagnosticSeverity.Warning,
                $"The git repository of the project could not be read, so the manifest records no git information: {ex.Message} " +
                "Check that 'git status' works in the project folder."));
            return null;
        }
    }

    private static List<PackageEntry> CollectPackages(ManifestRequest request, ICollection<ReproDiagnostic> diagnostics)
    {
        if (string.IsNullOrEmpty(request.ProjectAssetsFile) || !File.Exists(request.ProjectAssetsFile))
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.AssetsFileUnreadable,
                ReproDiagnosticSeverity.Warning,
                $"NuGet's assets file '{request.ProjectAssetsFile}' was not found, so the manifest lists no packages. Restore the project (dotnet restore) and build again.",
                request.ProjectAssetsFile));
            return new List<PackageEntry>();
        }

        try
        {
            return ProjectAssetsReader.ReadPackages(request.ProjectAssetsFile!, request.TargetFramework, request.TargetFrameworkMoniker, request.RuntimeIdentifier);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.AssetsFileUnreadable,
                ReproDiagnosticSeverity.Warning,
                $"NuGet's assets file could not be read, so the manifest lists no packages: {ex.Message} Restore the project (dotnet restore) and build again.",
                request.ProjectAssetsFile));
            return new List<PackageEntry>();
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
