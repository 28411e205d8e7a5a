using System.IO;

namespace Repro.Build.Dependencies;

/// <summary>Finds a project's NuGet lock file as NuGet does.</summary>
public static class LockFileLocator
{
    /// <param name="lockFilePath"><c>$(NuGetLockFilePath)</c>, relative to the project folder; empty for NuGet's defaults.</param>
    /// <returns>The full path, or null when the project has no lock file.</returns>
    public static string? Find(string projectDirectory, string? projectName, string? lockFilePath)
    {
        if (!string.IsNullOrEmpty(lockFilePath))
        {
            var explicitPath = Path.Combine(projectDirectory, lockFilePath!);
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        }

        // NuGet's defaults: packages.<project>.lock.json wins over packages.lock.json when both exist.
        foreach (var name in new[] { $"packages.{projectName?.Replace(' ', '_')}.lock.json", "packages.lock.json" })
        {
            var path = Path.Combine(projectDirectory, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
