using System;
using System.Collections.Generic;
using System.Text;

namespace Repro.Build.Git;

/// <summary>The parsed output of <c>git status --porcelain=v2 -z</c>.</summary>
public sealed class GitStatus
{
    public int Staged { get; private set; }

    public int Unstaged { get; private set; }

    public int Untracked { get; private set; }

    public bool IsDirty => Staged + Unstaged + Untracked > 0;

    /// <summary>The counts as the manifest records them.</summary>
    public Repro.Build.Manifest.GitChanges Changes => new() { Staged = Staged, Unstaged = Unstaged, Untracked = Untracked };

    /// <summary>Paths (relative to the working tree, '/'-separated) of tracked files that differ from HEAD.</summary>
    public List<string> ChangedPaths { get; } = [];

    /// <summary>Untracked, non-ignored files.</summary>
    public List<string> UntrackedPaths { get; } = [];

    /// <summary>Submodules with new commits, modified or untracked content.</summary>
    public HashSet<string> DirtySubmodules { get; } = new(StringComparer.Ordinal);

    public static GitStatus Parse(byte[] output)
    {
        var status = new GitStatus();
        var records = Encoding.UTF8.GetString(output).Split('\0');
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            if (record.Length < 2)
            {
                continue;
            }

            switch (record[0])
            {
                case '1':
                    status.AddChanged(record, fieldsBeforePath: 8);
                    break;
                case '2':
                    status.AddChanged(record, fieldsBeforePath: 9);
                    i++; // the original path of a rename or copy follows in its own record
                    break;
                case 'u':
                    status.AddChanged(record, fieldsBeforePath: 10);
                    break;
                case '?':
                    var path = record.Substring(2);
                    if (IsBuildOutput(path))
                    {
                        break;
                    }

                    status.Untracked++;
                    status.UntrackedPaths.Add(path);
                    break;
                case '#':
                case '!':
                    break;
                default:
                    throw new GitFormatException($"git status printed a record this reader does not know: '{record[0]}'.");
            }
        }

        return status;
    }

    /// <summary>
    /// Untracked files under a <c>bin/</c> or <c>obj/</c> folder are build outputs (the manifest itself among them)
    /// in a repository without a .gitignore for them: counting them would make every build dirty the next one.
    /// </summary>
    internal static bool IsBuildOutput(string path)
    {
        foreach (var segment in path.Split('/'))
        {
            if (segment is "bin" or "obj")
            {
                return true;
            }
        }

        return false;
    }

    private void AddChanged(string record, int fieldsBeforePath)
    {
        var fields = record.Split(new[] { ' ' }, fieldsBeforePath + 1);
        if (fields.Length != fieldsBeforePath + 1 || fields[1].Length != 2)
        {
            throw new GitFormatException("git status printed a malformed record.");
        }

        var xy = fields[1];
        var path = fields[fieldsBeforePath];
        if (record[0] == 'u')
        {
            // Unmerged paths count as unstaged work.
            Unstaged++;
        }
        else
        {
            if (xy[0] != '.')
            {
                Staged++;
            }

            if (xy[1] != '.')
            {
                Unstaged++;
            }
        }

        ChangedPaths.Add(path);

        // The submodule field is "N..." for files and "S<c><m><u>" for submodules.
        var sub = fields[2];
        if (sub.Length == 4 && sub[0] == 'S' && (sub[1] != '.' || sub[2] != '.' || sub[3] != '.'))
        {
            DirtySubmodules.Add(path);
        }
    }
}
