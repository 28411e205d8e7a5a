using Repro.Build;
using Repro.Build.Data;
using Repro.Build.Dependencies;
using Repro.Build.Git;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Build.Settings;
using Repro.Build.Sources;
using Repro.Build.Toolchain;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// Does today's checkout still reproduce a manifest? Re-reads every recorded input with Core's own readers (the same
/// code the build ran), bypassing the hash cache, and lists every mismatch.
/// </summary>
public static class VerifyService
{
    /// <summary>Changed files listed per data item; the rest are counted.</summary>
    public const int MaxFilesPerItem = 20;

    /// <param name="projectDirectory">The project folder to compare with; null finds it (<see cref="FindProjectDirectory"/>).</param>
    public static VerifyResult Verify(LoadedManifest loaded, string? projectDirectory, HashProgress progress, CancellationToken cancellation = default)
    {
        var manifest = loaded.Manifest;
        if (projectDirectory is not null && !Directory.Exists(projectDirectory))
        {
            throw new ToolInputException(DiagnosticIds.ToolInputMissing,
                $"--project {projectDirectory} is not a folder: give the project folder to compare with, or leave --project out.");
        }

        projectDirectory = projectDirectory is null ? FindProjectDirectory(loaded, Directory.GetCurrentDirectory()) : Path.GetFullPath(projectDirectory);
        var checks = new List<VerifyCheck>();
        string? repositoryRoot = null;
        if (manifest.Git is { } recordedGit)
        {
            repositoryRoot = CheckGit(loaded, recordedGit, projectDirectory, checks, cancellation);
        }
        else
        {
            checks.Add(new VerifyCheck("git", "repository", true, "not recorded", null, "the build recorded no git state"));
        }

        if (loaded.Origin == ManifestOrigin.File)
        {
            CheckSources(manifest, projectDirectory, checks);
        }

        CheckData(loaded, projectDirectory, repositoryRoot, progress, checks, cancellation);
        CheckConfig(manifest, projectDirectory, repositoryRoot, checks);
        CheckToolchain(loaded, projectDirectory, checks);
        CheckPackages(manifest, projectDirectory, checks);
        return new VerifyResult(loaded, projectDirectory, checks);
    }

    /// <summary>
    /// The folder of the project that wrote the manifest: the nearest folder above it with <c>&lt;name&gt;.*proj</c>
    /// (manifests live in <c>bin/&lt;configuration&gt;/&lt;framework&gt;/</c> below it), else the current folder when it
    /// holds that project (a manifest kept elsewhere, verified from the checkout). For a run, first the project folder
    /// the run recorded.
    /// </summary>
    public static string FindProjectDirectory(LoadedManifest loaded, string currentDirectory)
    {
        var name = loaded.Manifest.Project.Name;
        if (string.IsNullOrEmpty(name))
        {
            throw new ToolInputException(DiagnosticIds.ToolProjectNotFound, $"'{loaded.Path}' names no project, so its project folder cannot be found.");
        }

        if (loaded.RunProjectDirectory is { } runProject && HasProject(runProject, name!))
        {
            return runProject; // a run record lives in .repro/runs, not under its project
        }

        for (var directory = Path.GetDirectoryName(loaded.Path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (HasProject(directory, name!))
            {
                return directory;
            }
        }

        if (HasProject(currentDirectory, name!))
        {
            return currentDirectory;
        }

        throw new ToolInputException(DiagnosticIds.ToolProjectNotFound,
            $"No project file {name}.*proj above '{loaded.Path}' or in the current folder: run verify in the project's folder, or name it with --project.");
    }

    private static bool HasProject(string directory, string name) =>
        Directory.EnumerateFiles(directory, name + ".*proj").Any(f => f.EndsWith("proj", StringComparison.Ordinal));

    private static string? CheckGit(LoadedManifest loaded, GitSection recorded, string projectDirectory, List<VerifyCheck> checks,
        CancellationToken cancellation)
    {
        var snapshot = GitCapture.Capture(projectDirectory, new GitCaptureOptions { Cancellation = cancellation });
        var current = snapshot.Section;
        if (current is null)
        {
            checks.Add(new VerifyCheck("git", "repository", false, recorded.Commit, "none",
                string.Join(" ", snapshot.Diagnostics.Select(d => d.Message)).Trim()));
            return null;
        }

        checks.Add(new VerifyCheck("git", "commit", string.Equals(recorded.Commit, current.Commit, StringComparison.Ordinal), recorded.Commit, current.Commit,
            recorded.Commit == current.Commit ? null : $"check out the recorded commit: git checkout {recorded.Commit}"));

        var samePatch = string.Equals(recorded.PatchSha256, current.PatchSha256, StringComparison.Ordinal);
        var dirtyOk = recorded.Dirty == current.Dirty && samePatch;
        string? note = null;
        if (!dirtyOk && recorded.Dirty == true)
        {
            note = loaded.PatchPath is { } patchPath
                ? (PatchApplies(snapshot.RepositoryRoot!, patchPath, out var why)
                    ? $"the recorded patch applies here: git apply --binary {patchPath}"
                    : $"the recorded patch does not apply here ({why})")
                : "the recorded patch file is not beside the manifest";
        }
        else if (!dirtyOk)
        {
            note = "the working tree has changes the build did not have (git status, git stash)";
        }

        checks.Add(new VerifyCheck("git", "uncommitted changes", dirtyOk,
            Describe(recorded.Dirty, recorded.PatchSha256), Describe(current.Dirty, current.PatchSha256), note));

        foreach (var submodule in recorded.Submodules)
        {
            var now = current.Submodules.FirstOrDefault(s => s.Path == submodule.Path);
            checks.Add(new VerifyCheck("git", "submodule " + submodule.Path, now is not null && now.Commit == submodule.Commit, submodule.Commit, now?.Commit));
        }

        return snapshot.RepositoryRoot;
    }

    private static bool PatchApplies(string repositoryRoot, string patchPath, out string why)
    {
        try
        {
            new GitCommandRunner(timeout: TimeSpan.FromSeconds(60)).Run(repositoryRoot, new[] { "apply", "--check", "--binary", patchPath }, 64 * 1024, out _);
            why = "";
            return true;
        }
        catch (Exception ex) when (ex is GitCommandException or GitExecutableNotFoundException)
        {
            why = ex.Message;
            return false;
        }
    }

    private static string Describe(bool? dirty, string? patchSha256) => dirty switch
    {
        true => "dirty, patch " + (patchSha256 is null ? "none" : patchSha256.Substring(0, Math.Min(12, patchSha256.Length))),
        false => "clean",
        null => "unknown",
    };

    private static void CheckSources(ReproManifest manifest, string projectDirectory, List<VerifyCheck> checks)
    {
        var recorded = manifest.Sources.Files;
        if (recorded.Count == 0)
        {
            return;
        }

        var current = SourceHasher.Hash(projectDirectory, null, recorded.Select(f => f.Path).ToList(), FileHashCache.Load(null));
        var now = current.Files.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal);
        var changed = 0;
        foreach (var file in recorded)
        {
            now.TryGetValue(file.Path, out var sha);
            if (!string.Equals(sha, file.Sha256, StringComparison.Ordinal))
            {
                changed++;
                checks.Add(new VerifyCheck("sources", file.Path, false, file.Sha256, sha ?? "missing"));
            }
        }

        if (changed == 0)
        {
            checks.Add(new VerifyCheck("sources", $"{recorded.Count} file(s)", true, manifest.Sources.Sha256, manifest.Sources.Sha256));
        }
    }

    private static void CheckData(LoadedManifest loaded, string projectDirectory, string? repositoryRoot, HashProgress progress,
        List<VerifyCheck> checks, CancellationToken cancellation)
    {
        var items = loaded.Manifest.Data.Items;
        if (items.Count == 0)
        {
            return;
        }

        var declarations = new List<DataDeclaration>();
        foreach (var item in items)
        {
            var full = Path.GetFullPath(Path.Combine(projectDirectory, item.Name));
            if (FileProbe.Inspect(full) != FileKind.Missing || item.Files.Count == 0)
            {
                declarations.Add(new DataDeclaration(item.Name, full, null));
            }
            else
            {
                // A Group: its files were declared one by one.
                declarations.AddRange(item.Files.Select(f => new DataDeclaration(f.Path, Path.GetFullPath(Path.Combine(projectDirectory, f.Path)), item.Name)));
            }
        }

        // A cache that knows nothing: every byte is read again.
        var diagnostics = new List<ReproDiagnostic>();
        var current = DataHasher.Hash(projectDirectory, declarations, FileHashCache.Load(null), progress, diagnostics, strict: false, repositoryRoot,
            cancellation);
        var byName = current.Items.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var item in items)
        {
            byName.TryGetValue(item.Name, out var now);
            var ok = now is not null && now.Exists && string.Equals(now.Sha256, item.Sha256, StringComparison.Ordinal);
            var summary = now is null || !now.Exists ? "missing" : now.Sha256;
            checks.Add(new VerifyCheck("data", item.Name, ok, item.Sha256, summary,
                ok ? $"{item.FileCount} file(s), {item.Size} bytes re-hashed" : null));
            if (ok || now is null || loaded.IsEmbedded)
            {
                continue;
            }

            var before = item.Files.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal);
            var after = now.Files.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal);
            var listed = 0;
            foreach (var path in before.Keys.Union(after.Keys, StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
            {
                before.TryGetValue(path, out var was);
                after.TryGetValue(path, out var isNow);
                if (string.Equals(was, isNow, StringComparison.Ordinal) || (item.Files.Count == 1 && now.Files.Count == 1 && path == item.Name))
                {
                    continue;
                }

                if (++listed > MaxFilesPerItem)
                {
                    continue;
                }

                checks.Add(new VerifyCheck("data", "  " + path, false, was ?? "absent", isNow ?? "absent"));
            }

            if (listed > MaxFilesPerItem)
            {
                checks.Add(new VerifyCheck("data", $"  … {listed - MaxFilesPerItem} more files", false, null, null));
            }
        }
    }

    private static void CheckConfig(ReproManifest manifest, string projectDirectory, string? repositoryRoot, List<VerifyCheck> checks)
    {
        foreach (var file in manifest.Config)
        {
            string? now;
            try
            {
                now = TextFileReader.Read(projectDirectory, file.Path, Path.GetFullPath(Path.Combine(projectDirectory, file.Path)), null,
                    repositoryRoot).Sha256;
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                now = null;
            }

            checks.Add(new VerifyCheck("config", file.Path, string.Equals(now, file.Sha256, StringComparison.Ordinal), file.Sha256, now ?? "missing"));
        }
    }

    private static void CheckToolchain(LoadedManifest loaded, string projectDirectory, List<VerifyCheck> checks)
    {
        var recorded = loaded.Manifest.Toolchain;
        // dotnet applies global.json in the project folder exactly as a build there would.
        var sdk = DotnetCli.Output(projectDirectory, "--version");
        checks.Add(new VerifyCheck("toolchain", "SDK", recorded.SdkVersion is null || recorded.SdkVersion == sdk, recorded.SdkVersion, sdk
            ?? "dotnet failed (global.json asks for an SDK that is not installed?)",
            recorded.SdkVersion == sdk ? null : "install the recorded SDK and pin it in global.json"));

        if (recorded.MsbuildVersion is not null)
        {
            var msbuild = DotnetCli.Output(projectDirectory, "msbuild", "-version", "-nologo")?.Split('\n').Last().Trim();
            var same = msbuild is not null && SameVersionPrefix(recorded.MsbuildVersion, msbuild);
            checks.Add(new VerifyCheck("toolchain", "MSBuild", same, recorded.MsbuildVersion, msbuild ?? "unknown"));
        }

        if (recorded.CompilerVersion is not null && sdk is not null)
        {
            var sdkList = DotnetCli.Output(projectDirectory, "--list-sdks") ?? "";
            var line = sdkList.Split('\n').FirstOrDefault(l => l.StartsWith(sdk + " [", StringComparison.Ordinal));
            var compiler = line is null ? null : ToolchainReader.ReadCompilerVersion(Path.Combine(line.Substring(sdk.Length + 2).TrimEnd(']', '\r'),
                sdk, "Roslyn"));
            checks.Add(new VerifyCheck("toolchain", "compiler", compiler == recorded.CompilerVersion, recorded.CompilerVersion, compiler ?? "unknown",
                compiler == recorded.CompilerVersion ? null : "the SDK's compiler (a Microsoft.Net.Compilers.Toolset reference brings its own)"));
        }

        if (loaded.Origin == ManifestOrigin.File)
        {
            GlobalJsonSection? globalJson;
            string? problem = null;
            try
            {
                globalJson = ToolchainReader.ReadGlobalJson(projectDirectory);
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                globalJson = null;
                problem = ex.Message;
            }

            var was = recorded.GlobalJson;
            checks.Add(new VerifyCheck("global.json", $"{was?.Path ?? globalJson?.Path ?? "global.json"} (sdk {was?.SdkVersion ?? "any"})",
                problem is null && was?.Sha256 == globalJson?.Sha256,
                was?.Sha256 ?? "none",
                globalJson?.Sha256 ?? problem ?? "none",
                was?.Sha256 == globalJson?.Sha256 ? null : $"global.json now asks for sdk {globalJson?.SdkVersion ?? "any"}"));
        }
    }

    private static bool SameVersionPrefix(string recorded, string current) =>
        current == recorded || current.StartsWith(recorded + ".", StringComparison.Ordinal);

    private static void CheckPackages(ReproManifest manifest, string projectDirectory, List<VerifyCheck> checks)
    {
        var assets = Path.Combine(projectDirectory, "obj", "project.assets.json");
        if (manifest.Dependencies.Packages.Count == 0 && !File.Exists(assets))
        {
            return;
        }

        RestoredGraph graph;
        try
        {
            graph = ProjectAssetsReader.Read(assets, manifest.Project.TargetFramework, null, manifest.Build.RuntimeIdentifier);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            checks.Add(new VerifyCheck("packages", "obj/project.assets.json", false, $"{manifest.Dependencies.Packages.Count} packages", "unreadable",
                $"restore the project (dotnet restore) and verify again: {ex.Message.Split('\n')[0]}"));
            return;
        }

        var now = graph.Packages.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(),
            StringComparer.OrdinalIgnoreCase);
        var mismatches = 0;
        foreach (var package in manifest.Dependencies.Packages)
        {
            now.TryGetValue(package.Id, out var restored);
            now.Remove(package.Id);
            if (restored is not null && restored.Version == package.Version && restored.Sha512 == package.Sha512)
            {
                continue;
            }

            mismatches++;
            checks.Add(new VerifyCheck("packages", package.Id, false, $"{package.Version}",
                restored is null ? "not restored" : restored.Version == package.Version ? restored.Version + " (other content hash)" : restored.Version));
        }

        foreach (var extra in now.Values.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase))
        {
            mismatches++;
            checks.Add(new VerifyCheck("packages", extra.Id, false, "not recorded", extra.Version));
        }

        if (mismatches == 0)
        {
            checks.Add(new VerifyCheck("packages", $"{manifest.Dependencies.Packages.Count} packages", true, "as recorded",
                "as restored in obj/project.assets.json"));
        }
    }
}
