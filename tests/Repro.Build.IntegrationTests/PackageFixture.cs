using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Repro.Build.IntegrationTests;

/// <summary>
/// Packs Repro.Build, Repro.Runs and Repro.Build.Core once per test run into a temporary feed, with a version of its own (the repository's version plus
/// an "it-&lt;time&gt;" label) and a packages folder of its own, so that a repacked package is never served stale from a
/// packages folder. Other packages (Microsoft.ML, …) are read from the user's global packages folder when they are
/// there, so a run does not download them again.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        RepositoryRoot = Repro.Tests.RepositoryRoot.Path;
        Root = Path.Combine(Path.GetTempPath(), "repro-it-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Projects = Path.Combine(Root, "projects");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Projects);

        var userPackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        // The version comes from version.json and git (Nerdbank.GitVersioning); the label makes it this run's own.
        var versionLabel = "it-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);

        Environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            // The consumer builds must behave as on a developer's machine, not as our CI build does.
            ["CI"] = null,
            ["ContinuousIntegrationBuild"] = null,
            // A failure of ours (REPRO900) prints its stack trace, so that a test that meets one shows where it came from.
            ["REPRO_DEBUG"] = "1",
            // Runs record system metrics from their first second; the tests that count a run's metrics exactly do not
            // want them (AutologTests turns them back on).
            ["REPRO_SYSTEM_METRICS_INTERVAL"] = "0",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_AUTHOR_NAME"] = "Test",
            ["GIT_AUTHOR_EMAIL"] = "test@example.com",
            ["GIT_COMMITTER_NAME"] = "Test",
            ["GIT_COMMITTER_EMAIL"] = "test@example.com",
        };

        // Projects under Root see this feed first, then the machine's usual sources.
        File.WriteAllText(Path.Combine(Root, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="repro-under-test" value="{Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user-packages" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        // The packages solution filter packs what a user installs (Repro.Build, Repro.Runs, Repro.Build.Core and the
        // dotnet-repro tool) in one build, so that Repro.Runs depends on exactly the Repro.Build.Core packed beside it;
        // tests are not built. Pack with the caller's own packages folder: our projects restore as they always do, and
        // their obj/ keeps pointing at packages that outlive this run.
        var packEnvironment = new Dictionary<string, string?>
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        };
        var pack = ProcessRunner.Run("dotnet", RepositoryRoot, packEnvironment, "pack", Path.Combine(RepositoryRoot, "Repro.Build.Packages.slnf"),
            "-c", "Release", "-o", Feed, "-p:ReproVersionLabel=" + versionLabel);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing the packages failed.\n" + pack);
        }

        (PackagePath, PackageVersion) = FindPackage("Repro.Build", versionLabel);
        (_, RunsPackageVersion) = FindPackage("Repro.Runs", versionLabel);
        (_, CorePackageVersion) = FindPackage("Repro.Build.Core", versionLabel);
        _versionLabel = versionLabel;
        _tool = new Lazy<string>(InstallTool, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly string _versionLabel;
    private readonly Lazy<string> _tool;

    public string RepositoryRoot { get; }

    /// <summary>
    /// The <c>dotnet-repro</c> command, packed into the feed with the other packages and installed from it with
    /// <c>dotnet tool install --tool-path</c> on first use, as a user installs it.
    /// </summary>
    public string ToolCommand => _tool.Value;

    public string Root { get; }

    public string Feed { get; }

    public string Projects { get; }

    public string PackagePath { get; }

    /// <summary>The version of the Repro.Build package under test.</summary>
    public string PackageVersion { get; }

    /// <summary>The version of the Repro.Runs package packed with it.</summary>
    public string RunsPackageVersion { get; }

    /// <summary>The version of the Repro.Build.Core package that Repro.Runs depends on.</summary>
    public string CorePackageVersion { get; }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>Runs the installed <c>dotnet-repro</c> with the fixture's environment.</summary>
    public ProcessResult Tool(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run(ToolCommand, workingDirectory, Environment, arguments);

    public ProcessResult Dotnet(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("dotnet", workingDirectory, Environment, arguments);

    /// <summary>The SHA-256 that sha256sum prints for a file: the reference the manifest's hashes are checked against.</summary>
    public string Sha256Sum(string path) => ProcessRunner.Run("sha256sum", Root, Environment, path).Output.Split(' ')[0];

    /// <summary>Runs dotnet with extra environment variables on top of the fixture's.</summary>
    public ProcessResult DotnetWithEnvironment(string workingDirectory, Dictionary<string, string?> extra, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(Environment);
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return ProcessRunner.Run("dotnet", workingDirectory, environment, arguments);
    }

    public ProcessResult Git(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("git", workingDirectory, Environment, arguments);

    /// <summary>Runs git and returns its trimmed output, failing the test when git fails.</summary>
    public string GitOutput(string workingDirectory, params string[] arguments)
    {
        var result = Git(workingDirectory, arguments);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)}: {result}");
        return result.Output.Trim();
    }

    public void Dispose()
    {
        ProcessRunner.Run("dotnet", Root, Environment, "build-server", "shutdown");
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string InstallTool()
    {
        var (_, version) = FindPackage("dotnet-repro", _versionLabel);
        var toolPath = Path.Combine(Root, "tools");
        var install = ProcessRunner.Run("dotnet", Root, Environment, "tool", "install", "dotnet-repro", "--tool-path", toolPath, "--add-source", Feed, "--version", version);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("Installing dotnet-repro from the feed failed.\n" + install);
        }

        return Path.Combine(toolPath, OperatingSystem.IsWindows() ? "dotnet-repro.exe" : "dotnet-repro");
    }

    /// <summary>The one package <paramref name="id"/> in the feed (not a package whose id merely starts the same), and its version.</summary>
    private (string Path, string Version) FindPackage(string id, string versionLabel)
    {
        var packages = Directory.GetFiles(Feed, id + ".*.nupkg")
            .Where(path => char.IsDigit(System.IO.Path.GetFileName(path)[id.Length + 1]))
            .ToList();
        if (packages.Count != 1)
        {
            throw new InvalidOperationException($"Expected one {id} package in {Feed}, found {packages.Count}.");
        }

        var version = System.IO.Path.GetFileNameWithoutExtension(packages[0])[(id.Length + 1)..];
        if (!version.Contains(versionLabel, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The {id} package version '{version}' lacks this run's label '{versionLabel}'.");
        }

        return (packages[0], version);
    }

}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    // One collection: the builds run one after another, which is what 2 cores can carry.
    public const string Name = "Repro.Build package";
}
