using Repro.Build;
using Repro.Build.Store;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// The data files a build's manifest lists (every <c>ReproData</c> item, the files inside declared folders one by one),
/// checked at the boundary: a hash that is not 64 hex digits is refused; a path outside the work tree is listed but
/// never written to (<see cref="IsInside"/>).
/// </summary>
internal static class DataFiles
{
    /// <summary>The files of <paramref name="loaded"/>, located from its project folder.</summary>
    public static IReadOnlyList<DataFile> Of(LoadedManifest loaded, out string projectDirectory)
    {
        if (loaded.IsEmbedded)
        {
            throw new ToolInputException(DiagnosticIds.StoreNoFileList,
                $"'{loaded.Path}' is {(loaded.Origin == ManifestOrigin.Run ? "a run, whose build link" : "an assembly, whose embedded manifest")} "
                    + $"keeps no list of data files: "
                + "name the build's .repro.json or its project folder.");
        }

        projectDirectory = VerifyService.FindProjectDirectory(loaded, Directory.GetCurrentDirectory());
        var files = new List<DataFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in loaded.Manifest.Data.Items)
        {
            foreach (var file in item.Files)
            {
                var hash = file.Sha256?.ToLowerInvariant();
                if (!ContentHash.IsSha256(hash) || file.Size < 0 || string.IsNullOrEmpty(file.Path))
                {
                    throw new ToolInputException(DiagnosticIds.ToolInputNotManifest,
                        $"'{loaded.Path}' lists the data file '{file.Path}' of item '{item.Name}' without a SHA-256 and size: rebuild the project "
                            + $"to write it again.");
                }

                string full;
                try
                {
                    full = Path.GetFullPath(Path.Combine(projectDirectory, file.Path));
                }
                catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
                {
                    throw new ToolInputException(DiagnosticIds.ToolInputNotManifest, $"'{loaded.Path}' lists '{file.Path}', which is not a path.", ex);
                }

                if (seen.Add(full))
                {
                    files.Add(new DataFile(file.Path, full, hash!, file.Size));
                }
            }
        }

        return files;
    }

    /// <summary>True when <paramref name="fullPath"/> is below <paramref name="root"/>: the only places a pull writes to.</summary>
    public static bool IsInside(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
