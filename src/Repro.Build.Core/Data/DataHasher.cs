using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Data;

/// <summary>
/// Hashes declared data files and folders: files in parallel (bounded by the cores), streamed, and looked up in a
/// stat-keyed cache first so that unchanged files are not read again.
/// </summary>
public static class DataHasher
{
    public static DataSection Hash(
        string projectDirectory,
        IReadOnlyList<DataDeclaration> declarations,
        FileHashCache cache,
        HashProgress progress,
        ICollection<ReproDiagnostic> diagnostics,
        bool strict)
    {
        var entries = new Dictionary<string, (DataEntry Entry, List<(DataFileEntry File, string FullPath, long Ticks)> Files)>(StringComparer.Ordinal);
        foreach (var declaration in declarations)
        {
            var name = declaration.Group ?? declaration.ItemSpec.Replace('\\', '/');
            if (!entries.TryGetValue(name, out var entry))
            {
                entry = (new DataEntry { Name = name }, new List<(DataFileEntry, string, long)>());
                entries[name] = entry;
            }

            if (File.Exists(declaration.FullPath))
            {
                AddFile(entry.Files, projectDirectory, declaration.ItemSpec, declaration.FullPath);
            }
            else if (Directory.Exists(declaration.FullPath))
            {
                foreach (var file in Directory.EnumerateFiles(declaration.FullPath, "*", SearchOption.AllDirectories))
                {
                    var within = PathText.Relative(declaration.FullPath, file);
                    AddFile(entry.Files, projectDirectory, declaration.ItemSpec.TrimEnd('/', '\\') + "/" + within, file);
                }
            }
            else
            {
                entry.Entry.Exists = false;
                diagnostics.Add(new ReproDiagnostic(
                    DiagnosticIds.DataMissing,
                    strict ? ReproDiagnosticSeverity.Error : ReproDiagnosticSeverity.Warning,
                    $"The data '{declaration.ItemSpec}' declared with ReproData does not exist, so the manifest cannot record it. Check the path (relative to the project folder), or remove the declaration."));
            }
        }

        // Hash what the cache does not know, the largest files first so the cores stay busy to the end.
        var pending = new List<(DataFileEntry File, string FullPath, long Ticks)>();
        foreach (var entry in entries.Values)
        {
            foreach (var file in entry.Files)
            {
                if (cache.TryGet(file.FullPath, file.File.Size, file.Ticks, out var known))
                {
                    file.File.Sha256 = known;
                }
                else
                {
                    pending.Add(file);
                    progress.AddTotal(file.File.Size);
                }
            }
        }

        pending.Sort((a, b) => b.File.Size.CompareTo(a.File.Size));
        var unreadable = new List<string>();
        Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, file =>
        {
            progress.SetCurrent(file.File.Path);
            try
            {
                file.File.Sha256 = StreamHasher.Sha256File(file.FullPath, progress);
                cache.Set(file.FullPath, file.File.Size, file.Ticks, file.File.Sha256);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                lock (unreadable)
                {
                    unreadable.Add($"{file.File.Path} ({ex.Message})");
                }
            }
        });

        unreadable.Sort(StringComparer.Ordinal);
        foreach (var message in unreadable)
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.DataMissing,
                strict ? ReproDiagnosticSeverity.Error : ReproDiagnosticSeverity.Warning,
                $"The data file {message} could not be read, so the manifest cannot record it. Check that the build can read it."));
        }

        var section = new DataSection();
        foreach (var name in entries.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var (entry, files) = entries[name];
            var hashed = files.Where(f => f.File.Sha256.Length > 0).Select(f => f.File)
                .GroupBy(f => f.Path, StringComparer.Ordinal).Select(g => g.First())
                .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            entry.Files = hashed;
            entry.FileCount = hashed.Count;
            entry.Size = hashed.Sum(f => f.Size);
            entry.Sha256 = entry.Exists || hashed.Count > 0 ? Aggregate(hashed) : null;
            section.Items.Add(entry);
        }

        return section;
    }

    /// <summary>SHA-256 over the sorted lines "path NUL sha256 LF".</summary>
    internal static string Aggregate(IEnumerable<DataFileEntry> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            text.Append(file.Path).Append('\0').Append(file.Sha256).Append('\n');
        }

        return Hashing.Sha256Hex(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void AddFile(List<(DataFileEntry, string, long)> files, string projectDirectory, string declaredPath, string fullPath)
    {
        var info = new FileInfo(fullPath);
        files.Add((new DataFileEntry { Path = PathText.ForManifest(projectDirectory, declaredPath, info.FullName), Size = info.Length }, info.FullName, info.LastWriteTimeUtc.Ticks));
    }
}
