using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Repro.Build;
using Repro.Build.Data;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Build.Store;
using Repro.Runs.Records;

namespace Repro.Runs;

/// <summary>
/// Hashes the build's <c>ReproData</c> items again when a run starts, with the build's own code (<see cref="DataHasher"/>)
/// and through the stat-keyed cache, and compares each with the hash the build embedded.
/// </summary>
internal static class DataCheck
{
    private const int MaxChangedFiles = 20;

    /// <summary>Items whose name the manifest reduced to a file name outside the repository (docs/manifest.md).</summary>
    private const string OutsidePrefix = "<outside>/";

    // store: where the data goes as it is hashed, or null; keep: what to do with each item once it is there (its listing).
    public static List<RunDataEntry> Run(BuildLink build, string projectDirectory, string? repositoryRoot, FileHashCache cache, List<RunDiagnostic> diagnostics,
        LocalCache? store = null, Action<LocalCache, DataEntry>? keep = null, CancellationToken cancellation = default)
    {
        var entries = new List<RunDataEntry>();
        var declarations = new List<DataDeclaration>();
        var fullItems = (build.Full?.Data.Items ?? []).ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var item in build.Embedded.Data.Items)
        {
            var entry = new RunDataEntry { Name = item.Name, BuildSha256 = item.Sha256, State = RunDataState.Unchecked };
            entries.Add(entry);
            if (item.Name.StartsWith(OutsidePrefix, StringComparison.Ordinal))
            {
                diagnostics.Add(NotChecked(item.Name, "it was outside the repository at build time, so the manifest keeps only its file name"));
                continue;
            }

            var fullPath = Path.GetFullPath(Path.Combine(projectDirectory, item.Name));
            var kind = FileProbe.Inspect(fullPath);
            if (kind is FileKind.Regular or FileKind.Directory)
            {
                entry.Kind = kind == FileKind.Regular ? "file" : "folder";
                declarations.Add(new DataDeclaration(item.Name, fullPath, null));
            }
            else if (fullItems.TryGetValue(item.Name, out var full) && IsGroup(full))
            {
                entry.Kind = "group";
                // A Group: its files as the build listed them.
                foreach (var file in full.Files)
                {
                    declarations.Add(new DataDeclaration(file.Path, Path.GetFullPath(Path.Combine(projectDirectory, file.Path)), item.Name));
                }
            }
            else
            {
                entry.State = RunDataState.Missing;
                diagnostics.Add(NotFound(item.Name, projectDirectory));
            }
        }

        if (declarations.Count == 0)
        {
            return entries;
        }

        var hashed = DataHasher.HashIntoStore(projectDirectory, declarations, cache, new HashProgress(), [], strict: false, repositoryRoot,
            store, cancellation)
            .Items.ToDictionary(i => i.Name, StringComparer.Ordinal);
        if (store is not null)
        {
            foreach (var item in hashed.Values.Where(i => i.Exists && i.Sha256 is not null))
            {
                keep?.Invoke(store, item);
            }
        }

        foreach (var entry in entries.Where(e => e.State == RunDataState.Unchecked))
        {
            if (!hashed.TryGetValue(entry.Name, out var now))
            {
                continue;
            }

            if (!now.Exists || now.Sha256 is null)
            {
                entry.State = RunDataState.Missing;
                diagnostics.Add(NotFound(entry.Name, projectDirectory));
                continue;
            }

            entry.Sha256 = now.Sha256;
            entry.FileCount = now.FileCount;
            entry.Size = now.Size;
            if (string.Equals(now.Sha256, entry.BuildSha256, StringComparison.Ordinal))
            {
                entry.State = RunDataState.Unchanged;
                continue;
            }

            entry.State = RunDataState.Changed;
            if (fullItems.TryGetValue(entry.Name, out var built))
            {
                entry.ChangedFiles = ChangedFiles(built.Files, now.Files);
            }

            // A folder names its changed files; a single file is its own name already.
            var which = entry.ChangedFiles.Count == 0 || entry.ChangedFiles.SequenceEqual(new[] { entry.Name }) ? "" : " (" + string.Join(", ",
                entry.ChangedFiles.Take(3)) + (entry.ChangedFiles.Count > 3 ? ", …" : "") + ")";
            diagnostics.Add(new RunDiagnostic
            {
                Id = DiagnosticIds.DataChangedSinceBuild,
                File = entry.Name,
                Message = $"data '{entry.Name}' changed since the build{which}. Rebuild so the manifest records the data this run reads, or restore the data "
                    + "of the build.",
            });
        }

        return entries;
    }

    private static List<string> ChangedFiles(List<DataFileEntry> built, List<DataFileEntry> now)
    {
        var before = built.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Sha256, StringComparer.Ordinal);
        var after = now.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Sha256, StringComparer.Ordinal);
        return before.Keys.Union(after.Keys)
            .Where(path => !before.TryGetValue(path, out var a) || !after.TryGetValue(path, out var b) || !string.Equals(a, b, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Take(MaxChangedFiles)
            .ToList();
    }

    // A declared file lists itself and a folder's name ends in '/'; anything else is a Group of declarations.
    private static bool IsGroup(DataEntry item) =>
        !item.Name.EndsWith("/", StringComparison.Ordinal) && item.Files.Count > 0
        && !(item.Files.Count == 1 && string.Equals(item.Files[0].Path, item.Name, StringComparison.Ordinal));

    private static RunDiagnostic NotFound(string name, string projectDirectory) => new()
    {
        Id = DiagnosticIds.DataNotChecked,
        File = name,
        Message = $"data '{name}' of the build was not found in {projectDirectory}; run from the project folder or set REPRO_PROJECT_DIR.",
    };

    private static RunDiagnostic NotChecked(string name, string reason) => new()
    {
        Id = DiagnosticIds.DataNotChecked,
        File = name,
        Message = $"data '{name}' of the build was not checked: {reason}. Declare data inside the repository to have it checked at run time.",
    };
}
