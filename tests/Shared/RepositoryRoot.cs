using System;
using System.IO;

namespace Repro.Tests;

/// <summary>The root of this repository (the folder of Repro.Build.sln), found above the test assembly.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Repro.Build.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Repro.Build.sln) was not found above " + AppContext.BaseDirectory);
    }
}
