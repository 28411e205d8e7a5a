using Repro.Build;
using Repro.Build.Git;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// "Build your own model again from scratch" as one command: a clone of the checkout's repository at the recorded
/// commit (objects shared with it, nothing in it touched), its submodules at the recorded commits, the recorded patch
/// applied after checking its hash, a <c>dotnet build</c> with the recorded configuration, framework and runtime, and the new manifest's fingerprint and
/// assembly compared with the recorded ones.
/// </summary>
public static class RebuildService
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(5);

    public static RebuildResult Rebuild(LoadedManifest loaded, string outputDirectory, string? projectDirectory)
    {
        var manifest = loaded.Manifest;
        var project = projectDirectory is null ? VerifyService.FindProjectDirectory(loaded, Directory.GetCurrentDirectory())
            : Path.GetFullPath(projectDirectory);
        var location = GitRepositoryLocator.Locate(project)
            ?? throw Cannot($"'{project}' is not in a git repository: rebuild takes the recorded commit from the checkout's repository.");
        var relative = PathText.Relative(location.WorkingDirectory, project);
        var output = Path.GetFullPath(outputDirectory);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            throw Cannot($"'{outputDirectory}' is not empty: rebuild writes a fresh copy of the sources there.");
        }

        var sources = GiveBackSources(loaded, location.WorkingDirectory, output);
        var newProject = Path.Combine(output, relative);
        var projectFile = FindProjectFile(manifest, newProject, relative);
        var build = Build(loaded, newProject, projectFile, []);
        if (!build.Succeeded)
        {
            return new RebuildResult(output, projectFile, sources.PatchApplied, false, build.Log, null, null, null, null, sources.Submodules);
        }

        var (sameAssembly, note) = CompareAssemblies(loaded, build.Rebuilt!.Path);
        return new RebuildResult(output, projectFile, sources.PatchApplied, true, "", build.Rebuilt.Manifest, build.Difference, sameAssembly, note,
            sources.Submodules);
    }

    /// <summary>
    /// A clone of <paramref name="repository"/> at the recorded commit in <paramref name="output"/> (objects shared with it,
    /// nothing in it written), its submodules at the recorded commits, and the recorded patch applied after checking its hash.
    /// </summary>
    public static (bool PatchApplied, IReadOnlyList<SubmoduleState> Submodules) GiveBackSources(LoadedManifest loaded, string repository, string output)
    {
        var manifest = loaded.Manifest;
        var commit = manifest.Git?.Commit
            ?? throw Cannot($"'{loaded.Path}' records no git commit, so there are no sources to give back.");
        var patch = FindPatch(loaded);
        var git = new GitCommandRunner(timeout: GitTimeout);
        try
        {
            // --shared borrows the objects (a commit no branch points at is still there); nothing is written to the original.
            git.Run(repository, new[] { "clone", "--quiet", "--no-checkout", "--shared", repository, output }, 1024 * 1024, out _);
            git.Run(output, new[] { "-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", commit }, 1024 * 1024, out _);
        }
        catch (Exception ex) when (ex is GitCommandException or GitExecutableNotFoundException)
        {
            throw Cannot("The sources could not be given back: " + ex.Message);
        }

        var submodules = SubmoduleCheckout.Restore(git, repository, output, manifest.Git!.Submodules);
        try
        {
            if (patch is not null)
            {
                git.Run(output, new[] { "apply", "--binary", "--whitespace=nowarn", patch }, 1024 * 1024, out _);
            }
        }
        catch (Exception ex) when (ex is GitCommandException or GitExecutableNotFoundException)
        {
            throw Cannot("The sources could not be given back: " + ex.Message);
        }

        return (patch is not null, submodules);
    }

    /// <summary>The recorded project's file in a folder of the sources given back.</summary>
    public static string FindProjectFile(ReproManifest manifest, string projectDirectory, string relative) =>
        (Directory.Exists(projectDirectory)
            ? Directory.EnumerateFiles(projectDirectory, manifest.Project.Name + ".*proj").FirstOrDefault(f => f.EndsWith("proj", StringComparison.Ordinal))
            : null)
        ?? throw Cannot($"The commit has no project file {manifest.Project.Name}.*proj in '{relative}'.");

    /// <summary>
    /// <c>dotnet build</c> of the project with the recorded configuration, framework and runtime (and
    /// <paramref name="extraArguments"/>), and the new manifest compared with the recorded one.
    /// </summary>
    public static RebuildBuild Build(LoadedManifest loaded, string projectDirectory, string projectFile, IReadOnlyList<string> extraArguments)
    {
        var manifest = loaded.Manifest;
        var arguments = new System.Collections.Generic.List<string> { "build", projectFile, "-nologo", "-v:m", "-nodeReuse:false", "-c",
            manifest.Project.Configuration ?? manifest.Build.Configuration ?? "Debug" };
        if (manifest.Project.TargetFramework is { } framework)
        {
            arguments.AddRange(new[] { "-f", framework });
        }

        if (manifest.Build.RuntimeIdentifier is { Length: > 0 } runtime)
        {
            arguments.AddRange(new[] { "-r", runtime });
        }

        arguments.AddRange(extraArguments);
        var (exitCode, log) = DotnetCli.Run(projectDirectory, TimeSpan.FromMinutes(30), arguments.ToArray());
        if (exitCode != 0)
        {
            return new RebuildBuild(false, Tail(log), null, null);
        }

        var rebuilt = ManifestLoader.FindInProject(projectDirectory)
            .Select(ManifestLoader.Load)
            .FirstOrDefault(m => m.Manifest.Project.TargetFramework == manifest.Project.TargetFramework
                && m.Manifest.Project.Configuration == manifest.Project.Configuration)
            ?? throw Cannot("The rebuild wrote no manifest: the commit's project does not reference Repro.Build.");
        return new RebuildBuild(true, log, rebuilt, ManifestComparer.Compare(loaded, rebuilt));
    }

    private static string? FindPatch(LoadedManifest loaded)
    {
        var manifest = loaded.Manifest;
        if (manifest.Git?.PatchSha256 is not { } patchSha256)
        {
            return null;
        }

        var patchName = manifest.Git.Patch
            ?? (loaded.AssemblyPath is { } assembly ? BuildOutputFiles.TargetNameOf(assembly) : manifest.Project.Name) + BuildOutputFiles.PatchSuffix;
        var programGone = loaded.Origin == ManifestOrigin.Run && loaded.AssemblyPath is null
            ? " (the run's program is gone or was rebuilt since: name the build's .repro.json)"
            : "";
        var patch = loaded.PatchPath
            ?? throw Cannot(
                $"The build had uncommitted changes, but its patch ({patchName}) is not beside '{loaded.AssemblyPath ?? loaded.Path}'{programGone}.");
        if (string.Equals(Hashing.Sha256File(patch), patchSha256, StringComparison.Ordinal))
        {
            return patch;
        }

        // A run's copy (build.patch) holds the file diffs without the patch's two comment lines: with them it is the build's.
        var runCopy = loaded.Run is { } run && Path.GetDirectoryName(patch) == Path.GetDirectoryName(run.Path);
        if (runCopy)
        {
            var bytes = FileProbe.ReadAllBytes(patch, 512L * 1024 * 1024);
            var whole = GitPatchBuilder.Header(manifest.Git.Commit).Concat(bytes).ToArray();
            if (string.Equals(Hashing.Sha256Hex(whole), patchSha256, StringComparison.Ordinal))
            {
                return patch;
            }

            throw Cannot($"'{patch}' is not the whole patch the build recorded: the run left out a file diff that looked like it held a secret, or " +
                "the file was changed since. Name the build's .repro.json (its .repro.patch beside it) instead of the run.");
        }

        throw Cannot($"'{patch}' is not the patch the build recorded (its SHA-256 differs from git.patchSha256).");
    }

    private static (bool? Same, string? Note) CompareAssemblies(LoadedManifest recorded, string rebuiltManifest)
    {
        var original = recorded.AssemblyPath;
        var rebuilt = BuildOutputFiles.AssemblyIn(Path.GetDirectoryName(rebuiltManifest)!, BuildOutputFiles.TargetNameOfManifest(rebuiltManifest)
            ?? recorded.Manifest.Project.Name);
        if (original is null || rebuilt is null)
        {
            return (null, recorded.Origin == ManifestOrigin.Run
                ? "the run's program is no longer the build it ran (gone, or rebuilt since): only the fingerprint was compared"
                : "the recorded assembly is not beside the manifest: only the fingerprint was compared");
        }

        var same = File.ReadAllBytes(original).AsSpan().SequenceEqual(File.ReadAllBytes(rebuilt));
        return (same, same ? null
            : "a build embeds its folder's path (the PDB path) unless ContinuousIntegrationBuild=true or a PathMap maps it; the fingerprint does not " +
                "depend on the folder");
    }

    private static string Tail(string log)
    {
        var lines = log.Split('\n');
        return string.Join("\n", lines.Skip(Math.Max(0, lines.Length - 30)));
    }

    internal static ToolInputException Cannot(string message) => new(DiagnosticIds.ToolRebuildCannotStart, message);
}
