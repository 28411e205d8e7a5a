using System.Collections.Generic;

namespace Repro.Runs.Records;

/// <summary>The process that ran the training.</summary>
public sealed class RunProcessSection
{
    /// <summary>The process id.</summary>
    public int Id { get; set; }

    /// <summary>The command line, one argument per entry; values that look like secrets are <c>&lt;redacted&gt;</c>.</summary>
    public List<string> CommandLine { get; set; } = [];

    /// <summary>The current folder when the run started (absolute).</summary>
    public string WorkingDirectory { get; set; } = "";

    /// <summary>The project folder data and file paths are relative to (absolute), as found at run time.</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>
    /// The project folder relative to the root of its git work tree ('/'-separated, "" for the root itself), so that a
    /// clone elsewhere finds where the run's data and outputs belong; null outside git or in older records.
    /// </summary>
    public string? ProjectPath { get; set; }

    /// <summary>The .NET runtime, e.g. <c>.NET 8.0.11</c>.</summary>
    public string Runtime { get; set; } = "";

    /// <summary>The version of Repro.Runs that wrote the record.</summary>
    public string? LibraryVersion { get; set; }
}
