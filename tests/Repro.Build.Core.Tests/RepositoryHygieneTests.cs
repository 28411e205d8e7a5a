using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Repro.Build.Core.Tests;

/// <summary>Rules for the repository's own files, checked on every test run.</summary>
public sealed class RepositoryHygieneTests
{
    // Public package registries' host names stay out of the repository (docs and examples use a neutral placeholder
    // such as https://packages.example/v3/index.json). Spelled in parts so that this file does not match itself.
    private static readonly string[] RegistryHostNames =
    {
        string.Join(".", "nuget", "org"),
        string.Join("", "npm", "js"),
        string.Join(".", "pypi", "org"),
    };

    private const int MaxLineLength = 160;

    [Fact]
    public void Every_diagnostic_id_has_its_page_its_row_and_a_help_link_to_the_page()
    {
        var root = RepositoryRoot.Path;
        var missing = new List<string>();
        var buildIds = typeof(DiagnosticIds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var buildIndex = File.ReadAllText(Path.Combine(root, "docs", "diagnostics", "README.md"));
        foreach (var id in buildIds)
        {
            if (!File.Exists(Path.Combine(root, "docs", "diagnostics", id + ".md")))
            {
                missing.Add($"docs/diagnostics/{id}.md");
            }

            if (!buildIndex.Contains($"[{id}]({id}.md)", StringComparison.Ordinal))
            {
                missing.Add($"the row of {id} in docs/diagnostics/README.md");
            }

            if (!DiagnosticIds.HelpLink(id).EndsWith($"/docs/diagnostics/{id}.md", StringComparison.Ordinal))
            {
                missing.Add($"the help link of {id}");
            }
        }

        // The analyzers cannot reference Core: their registry is read from its source.
        var rules = File.ReadAllText(Path.Combine(root, "src", "Repro.Build.Analyzers", "RuleIdentifiers.cs"));
        var ruleIds = System.Text.RegularExpressions.Regex.Matches(rules, "\"(REPRO\\d{3})\"").Select(m => m.Groups[1].Value).ToList();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var shipped = File.ReadAllText(Path.Combine(root, "src", "Repro.Build.Analyzers", "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(root, "src", "Repro.Build.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains("docs/rules/{id}.md", rules, StringComparison.Ordinal);
        foreach (var id in ruleIds)
        {
            if (!File.Exists(Path.Combine(root, "docs", "rules", id + ".md")))
            {
                missing.Add($"docs/rules/{id}.md");
            }

            if (!readme.Contains(id, StringComparison.Ordinal))
            {
                missing.Add($"the row of {id} in the README's rules table");
            }

            if (!shipped.Contains(id, StringComparison.Ordinal))
            {
                missing.Add($"{id} in AnalyzerReleases.*.md");
            }
        }

        Assert.True(buildIds.Count > 10 && ruleIds.Count > 10, "the registries were not found");
        Assert.Empty(buildIds.Intersect(ruleIds));
        Assert.True(missing.Count == 0, "Missing: " + string.Join("; ", missing));
    }

    [Fact]
    public void No_tracked_text_file_names_a_package_registry_host()
    {
        var root = RepositoryRoot.Path;
        var findings = new List<string>();
        foreach (var relativePath in ListFiles(root))
        {
            if (string.Equals(Path.GetFileName(relativePath), "packages.lock.json", StringComparison.OrdinalIgnoreCase))
            {
                continue; // written by NuGet; holds package names and hashes, no hosts
            }

            var fullPath = Path.Combine(root, relativePath);
            if (!File.Exists(fullPath))
            {
                continue; // deleted in the working tree
            }

            var bytes = File.ReadAllBytes(fullPath);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                continue; // binary
            }

            var lines = Encoding.UTF8.GetString(bytes).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var host in RegistryHostNames)
                {
                    if (lines[i].Contains(host, StringComparison.OrdinalIgnoreCase))
                    {
                        findings.Add($"{relativePath}:{i + 1}: {host}");
                    }
                }
            }
        }

        Assert.True(findings.Count == 0,
            "Package registry host names found; use a placeholder such as https://packages.example/v3/index.json:\n" + string.Join("\n", findings));
    }

    [Fact]
    public void No_source_line_is_longer_than_160_characters()
    {
        var root = RepositoryRoot.Path;
        var findings = new List<string>();
        foreach (var relativePath in ListFiles(root))
        {
            var path = relativePath.Replace('\\', '/');
            if (!path.StartsWith("src/", StringComparison.Ordinal)
                || !path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fullPath = Path.Combine(root, relativePath);
            if (!File.Exists(fullPath))
            {
                continue; // deleted in the working tree
            }

            var lines = File.ReadAllText(fullPath).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var length = lines[i].TrimEnd('\r').Length;
                if (length > MaxLineLength)
                {
                    findings.Add($"{path}:{i + 1}: {length} characters");
                }
            }
        }

        Assert.True(findings.Count == 0, $"Lines over {MaxLineLength} characters (wrap them):\n" + string.Join("\n", findings));
    }

    /// <summary>Tracked files and new files not ignored (so a file is caught before its first commit).</summary>
    private static IEnumerable<string> ListFiles(string root)
    {
        string output;
        try
        {
            output = GitCli.Run(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Not a git checkout (a source archive): every file outside build output.
            return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f))
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "artifacts" or "TestResults"))
                .ToList();
        }

        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
    }

}
