namespace Repro.Tool.Input;

/// <summary>Where a manifest was read from.</summary>
public enum ManifestOrigin
{
    /// <summary>A <c>.repro.json</c> file: every section, the environment included.</summary>
    File,

    /// <summary>The <c>Repro.Manifest.json</c> resource of an assembly: only the embedded fields (docs/manifest.md, "In the assembly").</summary>
    Assembly,

    /// <summary>
    /// A run record's <c>build.manifest</c>: the manifest embedded in the program that ran, so only the embedded fields,
    /// with the run (its project folder, data, inputs and outputs) beside it.
    /// </summary>
    Run,
}
