using System.CommandLine;

namespace Repro.Tool.Commands;

/// <summary>Options every command shares, so that they read and are documented the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Write one JSON document (the shape docs/cli.md documents) instead of the report." };

    public static Option<bool> All(string what) => new("--all") { Description = what };

    /// <summary>The manifest argument: a file, an assembly, a project folder or a run, the current folder when left out.</summary>
    public static Argument<string> Input(string name = "input", string whenOmitted = "the current folder") => new(name)
    {
        Description = $"A .repro.json manifest, an assembly that embeds one, a project folder, or a run (run.json, its folder or its id) (default: " +
            $"{whenOmitted}).",
        DefaultValueFactory = _ => ".",
    };
}
