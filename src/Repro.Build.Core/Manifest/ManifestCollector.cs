using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Globalization;
using Repro.Build.Ci;
using Repro.Build.Data;
using Repro.Build.Machine;
using Repro.Build.Security;
using Repro.Build.Dependencies;
using Repro.Build.Git;
using Repro.Build.IO;
using Repro.Build.Toolchain;

namespace Repro.Build.Manifest;

/// <summary>
/// Builds a manifest from a request. It never throws for bad input (no repository, a corrupt one, a missing assets
/// file): each such case leaves its section empty and adds a diagnostic that says what to do.
/// </summary>
public static class ManifestCollector
{
    public static ManifestCollection Collect(ManifestRequest request, ICollection<ReproDiagnostic> diagnostics)
    {
        var collection = Capture(request, diagnostics);
        Complete(collection.Manifest, request.TargetingPacks);
        return collection;
    }

    /// <summary>
    /// Everything but what the build resolves late (the targeting packs): the part that can start before the build
    /// has resolved its framework references, so that it overlaps with them. <see cref="Complete"/> finishes it.
    /// </summary>
    public static ManifestCollection Capture(ManifestRequest request, ICollection<ReproDiagnostic> diagnostics)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var (git, patch, repositoryRoot) = request.RecordGit ? CollectGit(request, diagnostics) : (null, null, LocateRepository(request.ProjectDirectory));
        var manifest = new ReproManifest
        {
            Project = new ProjectSection
            {
                Name = request.ProjectName,
                TargetFramework = request.TargetFramework,
                Configuration = request.Configuration,
            },
            Git = git,
            Dependencies = CollectDependencies(request, diagnostics),
            Toolchain = CollectToolchain(request, diagnostics),
            Build = request.Build,
            Seed = NullIfEmpty(request.Seed),
            Environment = CollectEnvironment(request),
        };

        var cache = FileHashCache.Load(request.HashCachePath);
        manifest.Sources = Sources.SourceHasher.Hash(request.ProjectDirectory, request.IntermediateDirectory, request.CompileItems, cache);
        request.Cancellation.ThrowIfCancellationRequested();
        manifest.Data = DataHasher.Hash(request.ProjectDirectory, request.Data, cache, request.HashProgress, diagnostics, request.Strict, repositoryRoot,
            request.Cancellation);
        manifest.Config = ReadTextFiles(request, request.ConfigFiles, "ReproConfig", cache, repositoryRoot, diagnostics);
        if (!string.IsNullOrEmpty(request.HashCachePath))
        {
            try
            {
                cache.Save(request.HashCachePath!);
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                // Without the cache the next build hashes again; nothing else is lost.
            }
        }

        var assumptions = request.AssumptionFiles;
        if (assumptions.Count == 0 && File.Exists(Path.Combine(request.ProjectDirectory, "ASSUMPTIONS.md")))
        {
            assumptions = [new("ASSUMPTIONS.md", Path.Combine(request.ProjectDirectory, "ASSUMPTIONS.md"))];
        }

        manifest.Assumptions = ReadTextFiles(request, assumptions, "ReproAssumptions", cache: null, repositoryRoot, diagnostics);

        if (request.Strict)
        {
            CheckStrict(request, manifest, diagnostics);
        }

        return new ManifestCollection(manifest, patch);
    }

    /// <summary>Names the targeting pack of each framework reference and computes the fingerprint.</summary>
    public static void Complete(ReproManifest manifest, IReadOnlyList<FrameworkReferenceEntry> targetingPacks)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        foreach (var reference in manifest.Dependencies?.FrameworkReferences ?? [])
        {
            var pack = targetingPacks.FirstOrDefault(p => string.Equals(p.Name, reference.Name, StringComparison.OrdinalIgnoreCase));
            reference.TargetingPack = pack?.TargetingPack;
            reference.TargetingPackVersion = pack?.TargetingPackVersion;
        }

        manifest.Fingerprint = FingerprintCalculator.Compute(manifest);
    }

    private static string? LocateRepository(string projectDirectory)
    {
        try
        {
            return GitRepositoryLocator.Locate(projectDirectory)?.WorkingDirectory;
        }
        catch (Exception ex) when (ex is GitFormatException || ReadFailure.IsExpected(ex))
        {
            return null;
        }
    }

    private static (GitSection?, byte[]?, string?) CollectGit(ManifestRequest request, ICollection<ReproDiagnostic> diagnostics)
    {
        var snapshot = request.GitSnapshotProvider?.Invoke() ?? GitCapture.Capture(request.ProjectDirectory, request.GitOptions);
        foreach (var diagnostic in snapshot.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        if (snapshot.Section is null)
        {
            return (null, null, snapshot.RepositoryRoot);
        }

        // The snapshot is shared by the projects of the repository: give this project its own copy.
        var section = snapshot.Section.Clone();
        if (snapshot.Patch is not null)
        {
            section.Patch = request.PatchFileName; // its hash is the capture's: the patch is one file per repository
        }

        return (section, snapshot.Patch, snapshot.RepositoryRoot);
    }

    private static void CheckStrict(ManifestRequest request, ReproManifest manifest, ICollection<ReproDiagnostic> diagnostics)
    {
        string? problem = null;
        if (!request.RecordGit || manifest.Git is null)
        {
            problem = "the commit is unknown (no readable git repository)";
        }
        else if (manifest.Git.Commit is null)
        {
            problem = "the repository has no commit yet";
        }
        else if (manifest.Git.Dirty is null)
        {
            problem = "whether the working tree is clean is unknown (git could not run)";
        }
        else if (manifest.Git.Dirty == true)
        {
            var changes = manifest.Git.Changes!;
            problem = $"the working tree has uncommitted changes ({changes.Staged} staged, {changes.Unstaged} unstaged, {changes.Untracked} untracked)";
        }

        if (problem is not null)
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.StrictGitRequirement,
                ReproDiagnosticSeverity.Error,
                $"ReproStrict is on and {problem}, so this build could not be reproduced from its manifest. Commit your work (git status shows what is left), "
                    + "or build without ReproStrict."));
        }
    }

    private static DependenciesSection CollectDependencies(ManifestRequest request, ICollection<ReproDiagnostic> diagnostics)
    {
        var section = new DependenciesSection();
        var graph = ReadGraph(request, diagnostics);
        if (graph is not null)
        {
            section.Packages = graph.Packages;
            foreach (var name in graph.FrameworkReferences)
            {
                section.FrameworkReferences.Add(new FrameworkReferenceEntry { Name = name }); // packs: Complete
            }
        }

        var lockFile = LockFileLocator.Find(request.ProjectDirectory, request.ProjectName, request.LockFilePath);
        if (lockFile is null)
        {
            if (request.SuggestLockFile && graph is not null)
            {
                diagnostics.Add(new ReproDiagnostic(
                    DiagnosticIds.NoLockFile,
                    ReproDiagnosticSeverity.Message,
                    "The project has no packages.lock.json, so a later restore may resolve other package versions. Set RestorePackagesWithLockFile=true and "
                        + "commit the lock file " +
                    "(set ReproSuggestLockFile=false to silence this)."));
            }

            return section;
        }

        try
        {
            section.LockFile = new LockFileSection { Path = PathText.Relative(request.ProjectDirectory, lockFile), Sha256 = Hashing.Sha256File(lockFile) };
            if (graph is not null)
            {
                var differences = LockFileComparer.Compare(lockFile, request.TargetFramework, request.TargetFrameworkMoniker, request.RuntimeIdentifier,
                    graph.Packages);
                if (differences.Count > 0)
                {
                    diagnostics.Add(new ReproDiagnostic(
                        DiagnosticIds.LockFileMismatch,
                        ReproDiagnosticSeverity.Warning,
                        $"packages.lock.json disagrees with the packages restored for {request.TargetFramework}: "
                            + $"{string.Join("; ", differences.Take(5))}{(differences.Count > 5 ? $" (and {differences.Count - 5} more)" : "")}. " +
                        "Restore again (dotnet restore --force-evaluate updates the lock file; RestoreLockedMode=true enforces it) and commit the lock file.",
                        lockFile));
                }
            }
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.LockFileMismatch,
                ReproDiagnosticSeverity.Warning,
                $"packages.lock.json could not be read: {ex.Message} Restore with --force-evaluate to write it again.",
                lockFile));
        }

        return section;
    }

    private static RestoredGraph? ReadGraph(ManifestRequest request, ICollection<ReproDiagnostic> diagnostics)
    {
        if (string.IsNullOrEmpty(request.ProjectAssetsFile) || !File.Exists(request.ProjectAssetsFile))
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.AssetsFileUnreadable,
                ReproDiagnosticSeverity.Warning,
                $"NuGet's assets file '{request.ProjectAssetsFile}' was not found, so the manifest lists no packages. Restore the project (dotnet restore) and "
                    + "build again.",
                request.ProjectAssetsFile));
            return null;
        }

        try
        {
            return ProjectAssetsReader.Read(request.ProjectAssetsFile!, request.TargetFramework, request.TargetFrameworkMoniker, request.RuntimeIdentifier);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.AssetsFileUnreadable,
                ReproDiagnosticSeverity.Warning,
                $"NuGet's assets file could not be read, so the manifest lists no packages: {ex.Message} Restore the project (dotnet restore) and build again.",
                request.ProjectAssetsFile));
            return null;
        }
    }

    private static ToolchainSection CollectToolchain(ManifestRequest request, ICollection<ReproDiagnostic> diagnostics)
    {
        var section = new ToolchainSection
        {
            SdkVersion = NullIfEmpty(request.SdkVersion),
            MsbuildVersion = NullIfEmpty(request.MsbuildVersion),
            CompilerVersion = ToolchainReader.ReadCompilerVersion(request.CompilerDirectory),
            RuntimeVersion = ToolchainReader.RuntimeVersion,
        };

        try
        {
            section.GlobalJson = ToolchainReader.ReadGlobalJson(request.ProjectDirectory);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.GlobalJsonUnreadable,
                ReproDiagnosticSeverity.Warning,
                $"global.json could not be read, so the manifest does not record it: {ex.Message}"));
        }

        return section;
    }

    private static List<TextFileEntry> ReadTextFiles(
        ManifestRequest request, List<KeyValuePair<string, string>> files, string itemName, FileHashCache? cache, string? repositoryRoot,
            ICollection<ReproDiagnostic> diagnostics)
    {
        var entries = new List<TextFileEntry>();
        foreach (var file in files)
        {
            try
            {
                var entry = Settings.TextFileReader.Read(request.ProjectDirectory, file.Key, file.Value, cache, repositoryRoot);
                if (entry.Sha256 is null)
                {
                    diagnostics.Add(new ReproDiagnostic(
                        DiagnosticIds.ConfigMissing,
                        request.Strict ? ReproDiagnosticSeverity.Error : ReproDiagnosticSeverity.Warning,
                        $"The file '{file.Key}' declared with {itemName} does not exist, so the manifest cannot record it. Check the path (relative to the "
                            + "project folder), or remove the declaration."));
                }

                entries.Add(entry);
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                diagnostics.Add(new ReproDiagnostic(
                    DiagnosticIds.ConfigMissing,
                    request.Strict ? ReproDiagnosticSeverity.Error : ReproDiagnosticSeverity.Warning,
                    $"The file '{file.Key}' declared with {itemName} could not be read ({ex.Message}), so the manifest cannot record it."));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return entries;
    }

    private static EnvironmentSection CollectEnvironment(ManifestRequest request) =>
        EnvironmentCapture.Capture(request.EnvironmentVariables, request.EnvironmentVariableNames, request.DotnetRoot, request.RecordHost);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
