using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Repro.Build.Security;

namespace Repro.Build.Git;

/// <summary>
/// Builds the patch of a dirty working tree: <c>git diff HEAD --binary</c> for tracked files (staged and unstaged),
/// then a "new file" diff for each untracked, non-ignored text file. Files that look like secrets, by name or by
/// content, are left out, and whole files are dropped once the size cap is reached, so what is kept always applies.
/// </summary>
public static class GitPatchBuilder
{
    // The empty tree: what an unborn branch is compared with.
    private const string EmptyTreeSha1 = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private const string EmptyTreeSha256 = "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321";
    private const int BinaryProbeLength = 8000;

    public static GitPatch Build(GitCommandRunner git, string workingDirectory, string? commit, string objectFormat, GitStatus status, long maxBytes)
    {
        var omitted = new List<OmittedFile>();
        var truncated = false;
        var patch = new MemoryStream();
        var header = Encoding.UTF8.GetBytes(
            "# Uncommitted changes recorded by Repro.Build" + (commit is null ? " (no commit yet)" : " on top of " + commit) + ".\n" +
            "# Apply on a clean checkout of that commit: git apply --binary <this file>\n");
        patch.Write(header, 0, header.Length);

        var baseRevision = commit ?? (objectFormat == "sha256" ? EmptyTreeSha256 : EmptyTreeSha1);
        var arguments = new List<string>
        {
            "-c", "core.quotepath=off", "diff", baseRevision, "--binary", "--no-color", "--no-ext-diff", "--no-textconv",
            "--no-renames", "--src-prefix=a/", "--dst-prefix=b/",
        };

        // Secret files are dropped from git's output here rather than excluded by pathspecs: a score of glob
        // pathspecs makes git diff twice as slow on a large tree.
        var diff = git.Run(workingDirectory, arguments.ToArray(), maxBytes + 1, out var diffCut);
        var includedTracked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in SplitFileDiffs(diff, diffCut))
        {
            if (SecretDetector.IsSecretFileName(chunk.Path))
            {
                omitted.Add(new OmittedFile(chunk.Path, "secret-name"));
                includedTracked.Add(chunk.Path);
                continue;
            }

            var text = Encoding.UTF8.GetString(chunk.Bytes);
            if (SecretDetector.ContainsToken(text))
            {
                omitted.Add(new OmittedFile(chunk.Path, "secret-content"));
                includedTracked.Add(chunk.Path);
                continue;
            }

            if (patch.Length + chunk.Bytes.Length > maxBytes)
            {
                truncated = true;
                break;
            }

            patch.Write(chunk.Bytes, 0, chunk.Bytes.Length);
            includedTracked.Add(chunk.Path);
        }

        if (diffCut || truncated)
        {
            truncated = true;
            foreach (var path in status.ChangedPaths)
            {
                if (!includedTracked.Contains(path))
                {
                    omitted.Add(new OmittedFile(path, SecretDetector.IsSecretFileName(path) ? "secret-name" : "size-cap"));
                }
            }
        }

        var untracked = new List<string>(status.UntrackedPaths);
        untracked.Sort(StringComparer.Ordinal);
        foreach (var path in untracked)
        {
            var reason = AppendUntracked(patch, workingDirectory, path, maxBytes);
            if (reason is not null)
            {
                truncated |= reason == "size-cap";
                omitted.Add(new OmittedFile(path, reason));
            }
        }

        return new GitPatch(patch.ToArray(), omitted, truncated);
    }

    private static string? AppendUntracked(MemoryStream patch, string workingDirectory, string path, long maxBytes)
    {
        if (SecretDetector.IsSecretFileName(path))
        {
            return "secret-name";
        }

        var fullPath = Path.Combine(workingDirectory, path.Replace('/', Path.DirectorySeparatorChar));
        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            return null; // deleted since git status ran
        }

        // Headers and '+' prefixes add to the content; a file that cannot fit is not read at all.
        if (patch.Length + info.Length > maxBytes)
        {
            return "size-cap";
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }

        if (Array.IndexOf(content, (byte)0, 0, Math.Min(content.Length, BinaryProbeLength)) >= 0)
        {
            return "binary";
        }

        if (SecretDetector.ContainsToken(Encoding.UTF8.GetString(content)))
        {
            return "secret-content";
        }

        var diff = NewFileDiff(path, content);
        if (patch.Length + diff.Length > maxBytes)
        {
            return "size-cap";
        }

        patch.Write(diff, 0, diff.Length);
        return null;
    }

    /// <summary>A git-style diff that creates <paramref name="path"/> with <paramref name="content"/>.</summary>
    internal static byte[] NewFileDiff(string path, byte[] content)
    {
        var output = new MemoryStream(content.Length + 256);
        void Write(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            output.Write(bytes, 0, bytes.Length);
        }

        var quoted = QuotePath(path);
        Write($"diff --git {quoted.A} {quoted.B}\nnew file mode 100644\n");
        if (content.Length == 0)
        {
            return output.ToArray();
        }

        var lineCount = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == (byte)'\n')
            {
                lineCount++;
            }
        }

        var endsWithNewline = content[content.Length - 1] == (byte)'\n';
        if (!endsWithNewline)
        {
            lineCount++;
        }

        Write($"--- /dev/null\n+++ {quoted.B}\n@@ -0,0 +{(lineCount == 1 ? "1" : "1," + lineCount.ToString(System.Globalization.CultureInfo.InvariantCulture))} @@\n");
        var lineStart = 0;
        for (var i = 0; i <= content.Length; i++)
        {
            if (i == content.Length || content[i] == (byte)'\n')
            {
                if (i == content.Length && lineStart == content.Length)
                {
                    break;
                }

                output.WriteByte((byte)'+');
                output.Write(content, lineStart, i - lineStart);
                output.WriteByte((byte)'\n');
                lineStart = i + 1;
            }
        }

        if (!endsWithNewline)
        {
            Write("\\ No newline at end of file\n");
        }

        return output.ToArray();
    }

    private static (string A, string B) QuotePath(string path)
    {
        var needsQuotes = false;
        foreach (var c in path)
        {
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f)
            {
                needsQuotes = true;
                break;
            }
        }

        if (!needsQuotes)
        {
            return ("a/" + path, "b/" + path);
        }

        var escaped = new StringBuilder();
        foreach (var c in path)
        {
            switch (c)
            {
                case '"': escaped.Append("\\\""); break;
                case '\\': escaped.Append("\\\\"); break;
                case '\n': escaped.Append("\\n"); break;
                case '\t': escaped.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        escaped.Append('\\').Append(Convert.ToString(c, 8).PadLeft(3, '0'));
                    }
                    else
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return ("\"a/" + escaped + "\"", "\"b/" + escaped + "\"");
    }

    private static IEnumerable<(string Path, byte[] Bytes)> SplitFileDiffs(byte[] diff, bool lastIsCut)
    {
        var marker = Encoding.ASCII.GetBytes("diff --git ");
        var starts = new List<int>();
        for (var i = 0; i <= diff.Length - marker.Length; i++)
        {
            if ((i == 0 || diff[i - 1] == (byte)'\n') && Matches(diff, i, marker))
            {
                starts.Add(i);
            }
        }

        for (var n = 0; n < starts.Count; n++)
        {
            var isLast = n == starts.Count - 1;
            if (isLast && lastIsCut)
            {
                yield break; // a file diff cut in the middle would not apply
            }

            var end = isLast ? diff.Length : starts[n + 1];
            var bytes = new byte[end - starts[n]];
            Buffer.BlockCopy(diff, starts[n], bytes, 0, bytes.Length);
            yield return (PathOf(bytes), bytes);
        }
    }

    private static string PathOf(byte[] fileDiff)
    {
        var firstLine = Encoding.UTF8.GetString(fileDiff, 0, Math.Min(fileDiff.Length, 4096)).Split('\n')[0];
        var b = firstLine.LastIndexOf(" b/", StringComparison.Ordinal);
        return b >= 0 ? firstLine.Substring(b + 3).Trim('"') : firstLine;
    }

    private static bool Matches(byte[] data, int offset, byte[] marker)
    {
        for (var i = 0; i < marker.Length; i++)
        {
            if (data[offset + i] != marker[i])
            {
                return false;
            }
        }

        return true;
    }
}
