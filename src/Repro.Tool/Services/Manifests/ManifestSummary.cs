using System.Globalization;
using Repro.Tool.Input;
using Repro.Tool.Output;

namespace Repro.Tool.Services;

/// <summary>The human summary of one manifest (<c>dotnet repro show</c>).</summary>
public static class ManifestSummary
{
    /// <summary>Packages and data files listed before "… and N more" unless everything is asked for.</summary>
    public const int ListLimit = 15;

    public static Report Build(LoadedManifest loaded, bool all)
    {
        var m = loaded.Manifest;
        var report = new Report();
        report.Line($"{m.Project.Name ?? "(unnamed project)"} ({m.Project.TargetFramework ?? "?"}, {m.Project.Configuration ?? "?"})", Tone.Normal);
        var origin = loaded.Origin switch
        {
            ManifestOrigin.Assembly => "manifest embedded in",
            ManifestOrigin.Run => "manifest embedded in the program of run",
            _ => "manifest",
        };
        report.Line($"{origin} {loaded.Path}", Tone.Dim);
        report.Line($"fingerprint {m.Fingerprint ?? "none"}");
        if (loaded.IsEmbedded)
        {
            report.Line("An assembly carries only the deterministic part: no environment, branch, remote or file lists.", Tone.Dim);
        }

        var code = report.Section("Code", "key", "value");
        if (m.Git is null)
        {
            code.Row("git", "not recorded (no repository, or ReproGit=false)");
        }
        else
        {
            var git = m.Git;
            code.Row("commit", git.Commit ?? "none (no commit yet)");
            if (loaded.Origin == ManifestOrigin.File)
            {
                code.Row("branch", git.Branch ?? "detached");
                code.Row("commit time", git.CommitTime ?? "unknown");
            }

            var changes = git.Changes is { } c ? $" ({c.Staged} staged, {c.Unstaged} unstaged, {c.Untracked} untracked)" : "";
            code.Row(git.Dirty == true ? Tone.Bad : Tone.Normal, "dirty", Format.Flag(git.Dirty) + changes);
            if (git.PatchSha256 is not null)
            {
                code.Row("patch", $"{git.Patch ?? "(embedded hash only)"} sha256 {Format.Hash(git.PatchSha256)}{(git.PatchTruncated ? " TRUNCATED" : "")}");
            }

            foreach (var omitted in git.PatchOmitted)
            {
                code.Row(Tone.Bad, "not in patch", $"{omitted.Path} ({omitted.Reason})");
            }

            if (git.Untracked.Count > 0)
            {
                code.Row("untracked, listed", $"{git.Untracked.Count} entries, {Format.Bytes(git.Untracked.Sum(u => u.Size))}");
            }

            if (loaded.Origin == ManifestOrigin.File)
            {
                code.Row("remote", git.Remote ?? "none");
                if (git.Tags.Count > 0)
                {
                    code.Row("tags", string.Join(", ", git.Tags));
                }
            }

            foreach (var submodule in git.Submodules)
            {
                code.Row("submodule", $"{submodule.Path} at {Format.Short(submodule.Commit)}{(submodule.Dirty == true ? " (dirty)" : "")}");
            }
        }

        code.Row("sources", $"{m.Sources.Count} files, sha256 {Format.Hash(m.Sources.Sha256)}");

        var build = report.Section("Build", "key", "value");
        build.Row("configuration", $"{m.Build.Configuration} ({m.Build.Platform}, optimize {m.Build.Optimize}, deterministic {m.Build.Deterministic})");
        if (m.Build.RuntimeIdentifier is not null)
        {
            build.Row("runtime identifier", m.Build.RuntimeIdentifier);
        }

        build.Row("language",
            $"C# {m.Build.LangVersion ?? "default"}, nullable {m.Build.Nullable ?? "default"}, checked {m.Build.CheckForOverflowUnderflow ?? "default"}");
        foreach (var (name, value) in m.Build.Properties.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            build.Row("property " + name, value);
        }

        build.Row(m.Seed is null ? Tone.Bad : Tone.Normal, "seed", m.Seed ?? "none (ReproSeed not set)");

        var toolchain = report.Section("Toolchain", "key", "value");
        toolchain.Row("SDK", m.Toolchain.SdkVersion ?? "unknown");
        toolchain.Row("MSBuild", m.Toolchain.MsbuildVersion ?? "unknown");
        toolchain.Row("compiler", m.Toolchain.CompilerVersion ?? "unknown");
        if (loaded.Origin == ManifestOrigin.File)
        {
            toolchain.Row("runtime", m.Toolchain.RuntimeVersion ?? "unknown");
            toolchain.Row("global.json", m.Toolchain.GlobalJson is { } g
                ? $"{g.Path} (sdk {g.SdkVersion ?? "any"}, rollForward {g.RollForward ?? "default"})" : "none");
        }

        var packages = m.Dependencies.Packages;
        var packageSection = report.Section($"Packages ({packages.Count}, {packages.Count(p => p.Direct)} direct)", "package", "version", "sha512");
        var shownPackages = all ? packages : packages.Where(p => p.Direct || loaded.IsEmbedded).Take(ListLimit).ToList();
        foreach (var package in shownPackages)
        {
            packageSection.Row(package.Id, package.Version, Format.Hash(package.Sha512));
        }

        if (shownPackages.Count < packages.Count)
        {
            packageSection.Line($"… and {packages.Count - shownPackages.Count} more (--all lists every package)", Tone.Dim);
        }

        foreach (var framework in m.Dependencies.FrameworkReferences)
        {
            packageSection.Line($"framework {framework.Name} {framework.TargetingPackVersion}");
        }

        var data = report.Section("Data", "item", "files", "size", "sha256");
        foreach (var item in m.Data.Items)
        {
            data.Row(item.Exists ? Tone.Normal : Tone.Bad, item.Name, item.Exists ? item.FileCount.ToString(CultureInfo.InvariantCulture) : "MISSING",
                Format.Bytes(item.Size), Format.Hash(item.Sha256));
            if (all)
            {
                foreach (var file in item.Files)
                {
                    data.Row(Tone.Dim, "  " + file.Path, "", Format.Bytes(file.Size), Format.Hash(file.Sha256));
                }
            }
        }

        if (m.Data.Items.Count == 0)
        {
            data.Line("no data declared (ReproData)", Tone.Dim);
        }

        var config = report.Section("Config", "file", "sha256");
        foreach (var file in m.Config)
        {
            config.Row(file.Path, Format.Hash(file.Sha256));
        }

        if (loaded.Origin == ManifestOrigin.File)
        {
            var env = m.Environment;
            var environment = report.Section("Environment", "key", "value");
            environment.Row("OS", $"{env.Os.Description} ({env.Os.Platform}, {env.Os.Architecture}, kernel {env.Os.KernelVersion})");
            environment.Row("CPU", $"{env.Cpu.Model} ({env.Cpu.LogicalCores} logical cores)");
            if (env.MemoryBytes is { } memory)
            {
                environment.Row("memory", Format.Bytes(memory));
            }

            environment.Row("locale, time zone", $"{env.Locale ?? "unknown"}, {env.TimeZone ?? "unknown"}");
            if (env.Container is not null)
            {
                environment.Row("container", env.Container);
            }

            if (env.Ci is { } ci)
            {
                environment.Row("CI", $"{ci.Provider} run {ci.RunId ?? "?"} {ci.Url}".TrimEnd());
            }

            foreach (var gpu in env.Gpus)
            {
                environment.Row("GPU", $"{gpu.Name} (driver {gpu.DriverVersion ?? "?"}{(gpu.MemoryBytes is { } b ? ", " + Format.Bytes(b) : "")})");
            }

            if (env.CudaDriverVersion is not null || env.CudaToolkitVersion is not null)
            {
                environment.Row("CUDA",
                    $"driver {env.CudaDriverVersion ?? "none"}, toolkit {env.CudaToolkitVersion ?? "none"}, cuDNN {env.CudnnVersion ?? "none"}");
            }

            environment.Row(".NET runtimes", string.Join(", ", env.DotnetRuntimes));
            if (all)
            {
                foreach (var (name, value) in env.Variables.OrderBy(p => p.Key, System.StringComparer.Ordinal))
                {
                    environment.Row("$" + name, value);
                }
            }
        }

        return report;
    }
}
