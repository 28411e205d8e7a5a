namespace Repro.Build.Manifest;

/// <summary>
/// The record of everything that went into one build of one project for one target framework.
/// Property order is the order of the keys in the JSON file; keep it stable.
/// </summary>
public sealed class ReproManifest
{
    /// <summary>The version of the manifest format this library writes.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public ProjectSection Project { get; set; } = new();

    /// <summary>Null when the project is not inside a git repository, or the repository could not be read.</summary>
    public GitSection? Git { get; set; }

    public DependenciesSection Dependencies { get; set; } = new();

    public ToolchainSection Toolchain { get; set; } = new();

    public EnvironmentSection Environment { get; set; } = new();
}
