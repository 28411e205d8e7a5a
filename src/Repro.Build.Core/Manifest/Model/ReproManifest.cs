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

    [PartOf(ManifestPart.Embedded)]
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>
    /// <c>sha256:&lt;hex&gt;</c> over every input that decides the model (see docs/manifest.md): equal fingerprints mean
    /// the same code, packages, toolchain, settings, seed and data.
    /// </summary>
    [PartOf(ManifestPart.Embedded)]
    public string? Fingerprint { get; set; }

    [PartOf(ManifestPart.Embedded)]
    public ProjectSection Project { get; set; } = new();

    /// <summary>Null when the project is not inside a git repository, or the repository could not be read.</summary>
    [PartOf(ManifestPart.Both)]
    public GitSection? Git { get; set; }

    [PartOf(ManifestPart.Both)]
    public DependenciesSection Dependencies { get; set; } = new();

    [PartOf(ManifestPart.Both)]
    public ToolchainSection Toolchain { get; set; } = new();

    [PartOf(ManifestPart.Both)]
    public BuildSection Build { get; set; } = new();

    /// <summary>The project's <c>ReproSeed</c>, when it sets one.</summary>
    [PartOf(ManifestPart.Both)]
    public string? Seed { get; set; }

    [PartOf(ManifestPart.Both)]
    public SourcesSection Sources { get; set; } = new();

    [PartOf(ManifestPart.Both)]
    public DataSection Data { get; set; } = new();

    /// <summary>Configuration files declared with <c>ReproConfig</c> (hyper-parameters and the like).</summary>
    [PartOf(ManifestPart.Both)]
    public List<TextFileEntry> Config { get; set; } = [];

    /// <summary>The documented assumptions about the problem, scope and data (<c>ASSUMPTIONS.md</c> or <c>ReproAssumptions</c>).</summary>
    [PartOf(ManifestPart.None)]
    public List<TextFileEntry> Assumptions { get; set; } = [];

    [PartOf(ManifestPart.None)]
    public EnvironmentSection Environment { get; set; } = new();
}
