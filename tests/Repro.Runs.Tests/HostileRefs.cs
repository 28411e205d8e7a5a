using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Repro.Build.Core.Tests;
using Repro.Runs.Sharing;

namespace Repro.Runs.Tests;

/// <summary>
/// Builds the trees a hostile remote can serve on <c>refs/repro/runs</c> with git's plumbing: any entry name git's
/// object format can hold (<c>..</c>, a backslash, a control character), any mode (symlinks, submodules), any nesting,
/// written with <c>hash-object --literally</c> so that nothing validates them on the way. Every reader of shared data is
/// tested against these shapes.
/// </summary>
internal static class HostileRefs
{
    /// <summary>A file of the tree: its path (segments joined by '/'), mode and content (a symlink's target for 120000).</summary>
    public sealed record Entry(string Path, string Mode, byte[] Content)
    {
        public static Entry File(string path, string content) => new(path, "100644", Encoding.UTF8.GetBytes(content));

        public static Entry Symlink(string path, string target) => new(path, "120000", Encoding.UTF8.GetBytes(target));

        public static Entry Submodule(string path) => new(path, "160000", Array.Empty<byte>());
    }

    /// <summary>The shapes of issue 22's attack, each next to a valid run of the same commit.</summary>
    public static IReadOnlyList<Entry> Attack(string validRunId) => new[]
    {
        Entry.File(SharedRunNames.TreePath(validRunId, "run.json"), Record(validRunId)),
        Entry.File("runs/zz/../run.json", "{\"runId\":\"dotdot\"}"),
        Entry.File("runs/zz/../evil.sh", "#!/bin/sh\necho owned\n"),
        Entry.File("runs/zz/../.gitignore", "!*\n"),
        Entry.File("runs/ab/../../Program.cs", "// replaced\n"),
        Entry.File("runs/ab/..\\..\\Program.cs/run.json", "{}"),
        Entry.File("runs/ab/.git/run.json", "{}"),
        Entry.File("runs/ab/./run.json", "{}"),
        Entry.File("runs/" + SharedRunNames.ShardOf("okid") + "/okid/evil.sh", "#!/bin/sh\n"),
        Entry.File("runs/00/wrong-shard-" + validRunId + "/run.json", "{}"),
        Entry.File("run.json", "{}"),
        Entry.File("runs/" + SharedRunNames.ShardOf("nested") + "/nested/run.json/deeper", "{}"),
        Entry.Symlink(SharedRunNames.TreePath("linked", "run.json"), "../../../../Program.cs"),
        Entry.Submodule(SharedRunNames.TreePath("module", "metrics.jsonl")),
        Entry.File("runs/" + SharedRunNames.ShardOf("ctl\u001b[2J") + "/ctl\u001b[2J/run.json", "{}"),
    };

    public static string Record(string runId) =>
        $"{{\"schemaVersion\":1,\"runId\":\"{runId}\",\"status\":\"finished\",\"startTime\":\"2026-12-07T10:00:00.000Z\",\"lastWriteTime\":\"2026-12-07T10:00:01.000Z\"}}\n";

    /// <summary>Writes the entries as one commit (on <paramref name="parent"/> when given) and returns its id; no ref moves.</summary>
    public static string Commit(string repository, IEnumerable<Entry> entries, string? parent = null)
    {
        var root = new Node();
        foreach (var entry in entries)
        {
            var segments = entry.Path.Split('/');
            var node = root;
            foreach (var segment in segments.Take(segments.Length - 1))
            {
                if (!node.Children.TryGetValue(segment, out var child))
                {
                    child = new Node();
                    node.Children[segment] = child;
                }

                node = child;
            }

            node.Children[segments[^1]] = new Node { Mode = entry.Mode, Id = entry.Mode == "160000" ? new string('1', 40) : WriteObject(repository, "blob", entry.Content) };
        }

        var tree = WriteTree(repository, root);
        var arguments = new List<string> { "commit-tree", tree, "-m", "hostile" };
        if (parent is not null)
        {
            arguments.Add("-p");
            arguments.Add(parent);
        }

        return GitCli.Run(repository, arguments.ToArray());
    }

    private static string WriteTree(string repository, Node node)
    {
        var content = new MemoryStream();
        // git's order: names compared as bytes, a tree's name as if it ended with '/'
        foreach (var (name, child) in node.Children.OrderBy(c => c.Value.Mode is null ? c.Key + "/" : c.Key, StringComparer.Ordinal))
        {
            var id = child.Mode is null ? WriteTree(repository, child) : child.Id!;
            var header = Encoding.UTF8.GetBytes((child.Mode ?? "40000") + " " + name + "\0");
            content.Write(header);
            content.Write(Convert.FromHexString(id));
        }

        return WriteObject(repository, "tree", content.ToArray());
    }

    private static string WriteObject(string repository, string type, byte[] content)
    {
        var file = Path.Combine(Path.GetTempPath(), "hostile-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(file, content);
        try
        {
            return GitCli.Run(repository, "hash-object", "-w", "--literally", "-t", type, file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public string? Mode { get; init; }

        public string? Id { get; init; }
    }
}
