using Repro.Build.Data;
using Repro.Build.IO;
using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>
/// The run's data from the user's own checkout: a file or folder at the same place under the project folder, copied
/// into the new work tree only when its hash (computed as the build computes it) is the one the run read.
/// </summary>
public sealed class WorkTreeDataSource : IRunDataSource
{
    private readonly string _projectDirectory;

    /// <param name="projectDirectory">The project folder in the user's checkout; data names are relative to it.</param>
    public WorkTreeDataSource(string projectDirectory)
    {
        _projectDirectory = projectDirectory;
    }

    public string Name => "work tree";

    public DataPlacement Place(RunDataEntry item, string sha256, string target)
    {
        var source = Path.Combine(_projectDirectory, item.Name.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar));
        var found = RunData.HashOf(_projectDirectory, source);
        if (found is null)
        {
            return new DataPlacement(item.Name, sha256, null, "none", $"not in {_projectDirectory}");
        }

        if (!string.Equals(found, sha256, StringComparison.Ordinal))
        {
            return new DataPlacement(item.Name, sha256, null, "none", $"{source} has other content ({Output.Format.Hash(found)}), changed since the run");
        }

        Copy(source, target);
        var placed = RunData.HashOf(Path.GetDirectoryName(target)!, target);
        return new DataPlacement(item.Name, sha256, placed, Name, placed == sha256 ? null : "changed while it was copied");
    }

    private static void Copy(string source, string target)
    {
        if (Directory.Exists(source))
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var destination = Path.Combine(target, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination, overwrite: true);
            }
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }
    }
}
