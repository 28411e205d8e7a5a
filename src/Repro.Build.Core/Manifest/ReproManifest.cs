using System.Collections.Generic;

namespace Repro.Build.Manifest;

/// <summary>
/// The record of everything that went into one build of one project for one target framework.
/// Property order is the order of the keys in the JSON file; keep it stable.
/// </summary>
public sealed class ReproManifest
{
    /// <summary>The version of the manifest format this library writes.</summary>
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>
    /// <c>sha256:&lt;hex&gt;</c> over every input that decides the model (see docs/manifest.md): equal fingerprints mean
    /// the same code, packages, toolchain, settings, seed and data.
    /// </summary>
    public string? Fingerprint { get; set; }

    public ProjectSection Project { get; set; } = new();

    /// <summary>Null when the project is not inside a git repository, or the repository could not be read.</summary>
    public GitSection? Git { get; set; }

    public DependenciesSection Dependencies { get; set; } = new();

    public ToolchainSection Toolchain { get; set; } = new();

    public BuildSection Build { get; set; } = new();

    /// <summary>The project's <c>ReproSeed</c>, when it sets one.</summary>
    public string? Seed { get; set; }

    public SourcesSection Sources { get; set; } = new();

    public DataSection Data { get; set; } = new();

    /// <summary>Configuration files declared with <c>ReproConfig</c> (hyper-parameters and the like).</summary>
    public List<TextFileEntry> Config { get; set; } = new();

    /// <summary>The documented assumptions about the problem, scope and data (<c>ASSUMPTIONS.md</c> or <c>ReproAssumptions</c>).</summary>
    public List<TextFileEntry> Assumptions { get; set; } = new();

    public EnvironmentSection Environment { get; set; } = new();
}
