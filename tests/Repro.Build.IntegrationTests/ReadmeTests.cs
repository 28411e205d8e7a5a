using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace Repro.Build.IntegrationTests;

/// <summary>The README's first steps, run as written on a fresh package cache against the packages just packed.</summary>
[Collection(PackageCollection.Name)]
public sealed class ReadmeTests
{
    private readonly PackageFixture _fixture;

    public ReadmeTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void The_quick_start_works_as_written_and_its_first_manifest_is_clean()
    {
        var readme = File.ReadAllText(Path.Combine(_fixture.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var block = Regex.Match(readme, "## Quick start\n\n```sh\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "README.md has no sh block under '## Quick start'");
        // The one change the README's Install section documents for packages built from this repository: a feed made by
        // `dotnet pack` holds prereleases only (the feed itself is the NuGet.Config of the fixture's folder).
        var script = block.Groups[1].Value.Replace("dotnet add package Repro.Build", "dotnet add package Repro.Build --prerelease", StringComparison.Ordinal);
        Assert.Contains("--prerelease", script, StringComparison.Ordinal);

        var folder = Path.Combine(_fixture.Projects, "readme-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string?>(_fixture.Environment)
        {
            ["NUGET_PACKAGES"] = Path.Combine(_fixture.Root, "packages-" + Path.GetFileName(folder)),
        };

        var result = ProcessRunner.Run("bash", folder, environment, "-euo", "pipefail", "-c", script);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"dirty\": false", result.Output, StringComparison.Ordinal);
        Assert.Contains($"Version=\"{_fixture.PackageVersion}\"", File.ReadAllText(Path.Combine(folder, "Trainer", "Trainer.csproj")), StringComparison.Ordinal);
        // No build or restore warning (git's own hints about branch names are not ours).
        Assert.DoesNotMatch("warning [A-Z]+[0-9]+", result.Output);

        // Its next step: the Program.cs it shows, and the warning it says the build prints.
        var example = Regex.Match(readme, "Replace `Program.cs` with[^\n]*\n\n```csharp\n(.*?)```.*?```\n(Program.cs[^\n]*)\n```", RegexOptions.Singleline);
        Assert.True(example.Success, "README.md's Quick start has no Program.cs example followed by its warning");
        File.WriteAllText(Path.Combine(folder, "Trainer", "Program.cs"), example.Groups[1].Value);
        var build = ProcessRunner.Run("dotnet", Path.Combine(folder, "Trainer"), environment, "build", "-nologo", "-tl:off", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains(example.Groups[2].Value, build.Output, StringComparison.Ordinal);
    }
}
