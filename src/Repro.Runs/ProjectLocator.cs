using System;
using System.IO;

namespace Repro.Runs;

/// <summary>Finds the project folder at run time: the build recorded data paths relative to it.</summary>
internal static class ProjectLocator
{
    /// <summary>The environment variable that names the project folder.</summary>
    public const string EnvironmentVariable = "REPRO_PROJECT_DIR";

    // bin/<Configuration>/<TargetFramework>/<RuntimeIdentifier>/publish/ is the deepest usual output folder.
    private const int MaxLevels = 6;

    /// <summary>The option, else the variable, else the nearest folder above <paramref name="assemblyFolder"/> holding <c>&lt;project&gt;.*proj</c>; else
    /// null.</summary>
    public static string? Locate(string? configured, string? assemblyFolder, string? projectName)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }

        if (assemblyFolder is null || string.IsNullOrEmpty(projectName))
        {
            return null;
        }

        try
        {
            var directory = new DirectoryInfo(assemblyFolder);
            for (var level = 0; directory is not null && level <= MaxLevels; level++, directory = directory.Parent)
            {
                if (directory.GetFiles(projectName + ".*proj").Length > 0)
                {
                    return directory.FullName;
                }
            }
        }
        catch (Exception ex) when (Repro.Build.IO.ReadFailure.IsExpected(ex))
        {
            // an unreadable parent: the current folder is used
        }

        return null;
    }
}
