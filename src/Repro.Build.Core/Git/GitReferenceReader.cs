using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Repro.Build.Git;

/// <summary>
/// Resolves HEAD and refs from the files under <c>.git</c>: loose refs first, then <c>packed-refs</c>, following
/// symbolic refs. Worktree-private refs live in the git directory, shared refs in the common directory.
/// </summary>
public sealed class GitReferenceReader
{
    private const string RefPrefix = "ref:";
    private const string BranchPrefix = "refs/heads/";
    private const int MaxSymbolicDepth = 10;

    private readonly GitRepositoryLocation _location;
    private Dictionary<string, PackedReference>? _packedRefs;

    public GitReferenceReader(GitRepositoryLocation location)
    {
        _location = location ?? throw new ArgumentNullException(nameof(location));
    }

    /// <exception cref="GitFormatException">HEAD or a ref it leads to is malformed.</exception>
    /// <exception cref="IOException">A file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file could not be read.</exception>
    public GitHead ReadHead()
    {
        var headContent = ReadRefFile(Path.Combine(_location.GitDirectory, "HEAD"))
            ?? throw new GitFormatException($"'{Path.Combine(_location.GitDirectory, "HEAD")}' is missing.");

        if (!TryGetSymbolicTarget(headContent, out var target))
        {
            return new GitHead(ValidateObjectId(headContent, "HEAD"), branch: null);
        }

        var branch = target.StartsWith(BranchPrefix, StringComparison.Ordinal) ? target.Substring(BranchPrefix.Length) : null;
        var commit = ResolveReference(target, depth: 1);
        return new GitHead(commit, branch, commit is null && HasAnyReference() ? target : null);
    }

    /// <summary>
    /// Whether any ref exists, loose or packed: false in a repository as <c>git init</c> leaves it (empty
    /// <c>refs/heads</c> and <c>refs/tags</c>), true as soon as anything was committed, fetched or tagged.
    /// </summary>
    public bool HasAnyReference()
    {
        if (GetPackedRefs().Count > 0)
        {
            return true;
        }

        foreach (var directory in new[] { _location.CommonDirectory, _location.GitDirectory })
        {
            var refs = Path.Combine(directory, "refs");
            if (Directory.Exists(refs) && Directory.EnumerateFiles(refs, "*", SearchOption.AllDirectories).Any())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the object id a ref name resolves to, or null when the ref does not exist (an unborn branch).</summary>
    public string? ResolveReference(string name, int depth = 0)
    {
        if (depth > MaxSymbolicDepth)
        {
            throw new GitFormatException($"The symbolic ref '{name}' is nested more than {MaxSymbolicDepth} levels deep.");
        }

        var content = ReadRefFile(Path.Combine(DirectoryOf(name), name.Replace('/', Path.DirectorySeparatorChar)));
        if (content is not null)
        {
            return TryGetSymbolicTarget(content, out var target)
                ? ResolveReference(target, depth + 1)
                : ValidateObjectId(content, name);
        }

        return GetPackedRefs().TryGetValue(name, out var packed) ? packed.ObjectId : null;
    }

    /// <summary>
    /// Every ref under <paramref name="prefix"/> (for example <c>refs/tags/</c>) with the object it names and, when
    /// <c>packed-refs</c> records it, the commit an annotated tag peels to. Loose refs win over packed ones.
    /// </summary>
    public IReadOnlyList<(string Name, string ObjectId, string? Peeled)> EnumerateReferences(string prefix)
    {
        // Keyed by name, sorted at the end: a SortedDictionary of tuples is JIT-compiled code in every build's process.
        var result = new Dictionary<string, PackedReference>(StringComparer.Ordinal);
        foreach (var packed in GetPackedRefs())
        {
            if (packed.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                result[packed.Key] = packed.Value;
            }
        }

        var looseRoot = Path.Combine(DirectoryOf(prefix), prefix.Replace('/', Path.DirectorySeparatorChar));
        if (Directory.Exists(looseRoot))
        {
            foreach (var file in Directory.EnumerateFiles(looseRoot, "*", SearchOption.AllDirectories))
            {
                var name = prefix + file.Substring(looseRoot.Length).TrimStart(Path.DirectorySeparatorChar).Replace(Path.DirectorySeparatorChar, '/');
                var id = ResolveReference(name);
                if (id is not null)
                {
                    result[name] = new PackedReference(id, null); // loose: no peeled id recorded
                }
            }
        }

        var names = new List<string>(result.Keys);
        names.Sort(StringComparer.Ordinal);
        var list = new List<(string, string, string?)>(names.Count);
        foreach (var name in names)
        {
            var entry = result[name];
            list.Add((name, entry.ObjectId, entry.Peeled));
        }

        return list;
    }

    private string DirectoryOf(string refName)
    {
        // Per-worktree refs (see gitrepository-layout): HEAD-like names outside refs/, refs/worktree, refs/bisect, refs/rewritten.
        var perWorktree = !refName.StartsWith("refs/", StringComparison.Ordinal)
            || refName.StartsWith("refs/worktree/", StringComparison.Ordinal)
            || refName.StartsWith("refs/bisect/", StringComparison.Ordinal)
            || refName.StartsWith("refs/rewritten/", StringComparison.Ordinal);
        return perWorktree ? _location.GitDirectory : _location.CommonDirectory;
    }

    private Dictionary<string, PackedReference> GetPackedRefs()
    {
        if (_packedRefs is not null)
        {
            return _packedRefs;
        }

        var refs = new Dictionary<string, PackedReference>(StringComparer.Ordinal);
        string? previous = null;
        var path = Path.Combine(_location.CommonDirectory, "packed-refs");
        if (File.Exists(path))
        {
            foreach (var rawLine in File.ReadAllLines(path))
            {
                var line = rawLine.TrimEnd('\r');

                // '#' starts the header; '^' lines carry the peeled commit of the annotated tag above them.
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                if (line[0] == '^')
                {
                    if (previous is not null)
                    {
                        refs[previous] = new PackedReference(refs[previous].ObjectId, ValidateObjectId(line.Substring(1), previous));
                    }

                    continue;
                }

                var space = line.IndexOf(' ');
                if (space <= 0 || space == line.Length - 1)
                {
                    throw new GitFormatException($"'{path}' has a line that is not '<object id> <ref name>'.");
                }

                var name = line.Substring(space + 1);
                refs[name] = new PackedReference(ValidateObjectId(line.Substring(0, space), name), null);
                previous = name;
            }
        }

        return _packedRefs = refs;
    }

    private sealed class PackedReference
    {
        public PackedReference(string objectId, string? peeled)
        {
            ObjectId = objectId;
            Peeled = peeled;
        }

        public string ObjectId { get; }

        public string? Peeled { get; }
    }

    private static string? ReadRefFile(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadAllText(path).Trim();
    }

    private static bool TryGetSymbolicTarget(string content, out string target)
    {
        if (content.StartsWith(RefPrefix, StringComparison.Ordinal))
        {
            target = content.Substring(RefPrefix.Length).Trim();
            return target.Length > 0;
        }

        target = "";
        return false;
    }

    private static string ValidateObjectId(string value, string refName)
    {
        // SHA-1 ids have 40 hex digits, SHA-256 ids 64.
        if ((value.Length == 40 || value.Length == 64) && IsLowerHex(value))
        {
            return value;
        }

        throw new GitFormatException($"'{refName}' does not hold an object id or a symbolic ref.");
    }

    private static bool IsLowerHex(string value)
    {
        foreach (var c in value)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
