using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Repro.Build.IntegrationTests;

/// <summary>A throwaway project that references the packed Repro.Build by PackageReference, as a user's would.</summary>
internal sealed partial class ConsumerProject
{
    private readonly PackageFixture _fixture;

    private ConsumerProject(PackageFixture fixture, string directory, string name)
    {
        _fixture = fixture;
        Directory = directory;
        Name = name;
    }

    /// <summary>A small library with one setting whose value the tests change to make a tree dirty.</summary>
    public const string ModelSource = """
        namespace Trainer;

        public static class Model
        {
            public static double LearningRate => 0.01;
        }
        """;

    public string Directory { get; }

    public string Name { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public static ConsumerProject Create(
        PackageFixture fixture,
        string directory,
        string name,
        string source,
        string targetFrameworks = "net10.0",
        string extraProperties = "",
        string extraItems = "",
        string reproReference = "<PackageReference Include=\"Repro.Build\" Version=\"$(ReproBuildVersion)\" />")
    {
        System.IO.Directory.CreateDirectory(directory);
        var frameworkProperty = targetFrameworks.Contains(';', StringComparison.Ordinal) ? "TargetFrameworks" : "TargetFramework";
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <{frameworkProperty}>{targetFrameworks}</{frameworkProperty}>
                <ReproBuildVersion>{fixture.PackageVersion}</ReproBuildVersion>
                <ReproRunsVersion>{fixture.RunsPackageVersion}</ReproRunsVersion>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                {reproReference}
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Code.cs"), source);
        return new ConsumerProject(fixture, directory, name);
    }

    /// <summary>
    /// A consumer project at <c>&lt;repository&gt;/&lt;projectPath&gt;</c> in a new git repository under the fixture's
    /// projects folder, with bin/ and obj/ ignored and everything committed.
    /// </summary>
    public static (string Repository, ConsumerProject Project) CreateInRepository(
        PackageFixture fixture,
        string name,
        string source,
        string projectPath = "Trainer",
        string targetFrameworks = "net10.0",
        string extraProperties = "",
        string extraItems = "",
        string objectFormat = "sha1")
    {
        var repository = Path.Combine(fixture.Projects, name);
        var project = Create(fixture, Path.Combine(repository, projectPath), "Trainer", source,
            targetFrameworks: targetFrameworks, extraProperties: extraProperties, extraItems: extraItems);
        File.WriteAllText(Path.Combine(repository, ".gitignore"), "bin/\nobj/\n");
        fixture.GitOutput(repository, "init", "-q", "-b", "main", "--object-format=" + objectFormat);
        fixture.GitOutput(repository, "add", "-A");
        fixture.GitOutput(repository, "commit", "-q", "-m", "initial");
        return (repository, project);
    }

    /// <summary>A consumer project that already exists on disk (for example in a second worktree).</summary>
    public static ConsumerProject Open(PackageFixture fixture, string directory, string name) => new(fixture, directory, name);

    public BuildResult Build(params string[] extraArguments) => Run("build", extraArguments);

    public BuildResult Run(string verb, params string[] extraArguments)
    {
        var arguments = new List<string> { verb, ProjectFile, "-nologo", "-v:m", "-tl:off", "-clp:NoSummary", "-nodeReuse:false" };
        arguments.AddRange(extraArguments);
        return new BuildResult(_fixture.Dotnet(Directory, arguments.ToArray()));
    }

    public string OutputPath(string targetFramework = "net10.0", string configuration = "Debug") =>
        Path.Combine(Directory, "bin", configuration, targetFramework);

    public string ManifestPath(string targetFramework = "net10.0", string configuration = "Debug") =>
        Path.Combine(OutputPath(targetFramework, configuration), Name + ".repro.json");

    public JsonDocument ReadManifest(string targetFramework = "net10.0", string configuration = "Debug") =>
        JsonDocument.Parse(File.ReadAllBytes(ManifestPath(targetFramework, configuration)));
}

internal sealed partial class BuildResult
{
    public BuildResult(ProcessResult process)
    {
        Process = process;
        Warnings = process.Output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => WarningPattern().IsMatch(line))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public ProcessResult Process { get; }

    public bool Succeeded => Process.ExitCode == 0;

    public IReadOnlyList<string> Warnings { get; }

    public IEnumerable<string> WarningCodes => Warnings.Select(w => WarningPattern().Match(w).Groups["code"].Value);

    public override string ToString() => Process.ToString();

    [GeneratedRegex(@"\bwarning (?<code>[A-Z]+[0-9]+)\s*:")]
    private static partial Regex WarningPattern();
}
