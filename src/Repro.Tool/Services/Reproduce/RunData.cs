using Repro.Build.Data;
using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>
/// Puts a run's data into the new work tree: each item the run checked is looked for first where the sources put it
/// (data committed with the code), then in the <see cref="IRunDataSource"/>; kept only with the hash the run read.
/// </summary>
public static class RunData
{
    /// <summary>One placement per data item of the run, in the record's order.</summary>
    public static List<DataPlacement> Place(RunRecord run, string newProjectDirectory, IRunDataSource source)
    {
        var placements = new List<DataPlacement>();
        foreach (var item in run.Data)
        {
            var sha256 = item.Sha256 ?? item.BuildSha256;
            var target = Path.Combine(newProjectDirectory, item.Name.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar));
            if (sha256 is null)
            {
                placements.Add(new DataPlacement(item.Name, null, HashOf(newProjectDirectory, target), "commit", "the run recorded no hash for it"));
                continue;
            }

            var inSources = HashOf(newProjectDirectory, target);
            if (string.Equals(inSources, sha256, StringComparison.Ordinal))
            {
                placements.Add(new DataPlacement(item.Name, sha256, inSources, "commit"));
                continue;
            }

            var placed = source.Place(item, sha256, target);
            placements.Add(placed.Matches || inSources is null
                ? placed
                : new DataPlacement(item.Name, sha256, inSources, "commit", $"the commit's copy differs ({Output.Format.Hash(inSources)}); {placed.Note}"));
        }

        return placements;
    }

    /// <summary>The hash of a file or folder as the build and the run compute it (a folder: over its files' paths and hashes), or null when missing.</summary>
    public static string? HashOf(string baseDirectory, string fullPath)
    {
        var kind = Repro.Build.IO.FileProbe.Inspect(fullPath);
        if (kind is not (Repro.Build.IO.FileKind.Regular or Repro.Build.IO.FileKind.Directory))
        {
            return null;
        }

        var spec = kind == Repro.Build.IO.FileKind.Directory ? fullPath.TrimEnd(Path.DirectorySeparatorChar) + "/" : fullPath;
        var section = DataHasher.Hash(baseDirectory, new[] { new DataDeclaration(spec, fullPath, null) }, FileHashCache.Load(null), new HashProgress(), [],
            strict: false);
        var item = section.Items[0];
        return item.Exists ? item.Sha256 : null;
    }
}
