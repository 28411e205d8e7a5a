using System;
using System.Collections.Generic;
using System.IO;
using Repro.Build.Store;
using Repro.Build.IO;

namespace Repro.Runs.Records;

/// <summary>
/// Where run records live: <c>&lt;work tree root&gt;/.repro/runs/&lt;run id&gt;/</c> (the start folder when it is in no git
/// repository), or the folder named by <c>REPRO_RUNS_DIR</c>, or one given explicitly.
/// </summary>
public static class RunStore
{
    /// <summary>The environment variable that names the runs folder (the folder holding one folder per run).</summary>
    public const string EnvironmentVariable = "REPRO_RUNS_DIR";

    /// <summary>
    /// The environment variable <c>dotnet repro reproduce</c> sets for the command it runs: the id of the run being
    /// reproduced, recorded as the new run's <c>reproduces</c>.
    /// </summary>
    public const string ReproducesVariable = "REPRO_REPRODUCES";

    /// <summary>
    /// The runs folder: <paramref name="configured"/> when given, else <c>REPRO_RUNS_DIR</c>, else <c>.repro/runs</c> at the
    /// root of the git work tree that contains <paramref name="startDirectory"/> (or in <paramref name="startDirectory"/>).
    /// Relative paths are relative to <paramref name="startDirectory"/>.
    /// </summary>
    public static string Locate(string startDirectory, string? configured = null)
    {
        var explicitFolder = !string.IsNullOrWhiteSpace(configured) ? configured
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : null;
        if (explicitFolder is not null)
        {
            return Path.GetFullPath(Path.Combine(startDirectory, explicitFolder));
        }

        return Path.Combine(ReproFolder.Locate(startDirectory), "runs");
    }

    /// <summary>The ids of the runs in a runs folder (folders holding a run.json), oldest first; empty when there is none.</summary>
    public static List<string> ListRunIds(string runsDirectory)
    {
        var ids = new List<string>();
        if (!Directory.Exists(runsDirectory))
        {
            return ids;
        }

        foreach (var folder in Directory.EnumerateDirectories(runsDirectory))
        {
            if (File.Exists(Path.Combine(folder, RunRecordSerializer.FileName)))
            {
                ids.Add(Path.GetFileName(folder));
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    /// <summary>The run.json of a run.</summary>
    public static string RecordPath(string runsDirectory, string runId) => Path.Combine(runsDirectory, runId, RunRecordSerializer.FileName);

    /// <summary>The metrics file of a run.</summary>
    public static string MetricsPath(string runsDirectory, string runId) => Path.Combine(runsDirectory, runId, MetricsFileFormat.FileName);
}
