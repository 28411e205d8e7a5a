using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Repro.Tool.Output;

namespace Repro.Tool.Tests;

/// <summary>docs/cli.md's conventions, checked on every command the tool has, so that a new option cannot break them.</summary>
public sealed class CliConventionTests
{
    // Names shared by several commands, each with one meaning (docs/cli.md, "Conventions").
    private static readonly Dictionary<string, string> Shared = new(StringComparer.Ordinal)
    {
        ["--runs-dir"] = "the runs folder",
        ["--output"] = "a file or folder the command writes (run: one the recorded command writes)",
        ["--json"] = "one JSON document",
        ["--project"] = "the project folder",
        ["--configuration"] = "a build configuration",
        ["--all"] = "every row or value",
        ["--help"] = "help",
        ["--version"] = "the version",
    };

    // Spellings of the shared names that other tools use: each would be a second name for one thing.
    private static readonly string[] Forbidden = { "--out", "--runs", "--runs-directory", "--dir", "--outdir", "--output-dir", "--output-directory", "--format-json", "--proj" };

    private static readonly string CliDocs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "cli.md"));

    public static TheoryData<string> Commands() => [.. Root().Subcommands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_option_follows_the_convention_and_is_documented(string name)
    {
        var command = Root().Subcommands.Single(c => c.Name == name);
        var section = new Lazy<string>(() => Section(name));
        foreach (var option in command.Options)
        {
            Assert.Matches("^--[a-z][a-z0-9]*(-[a-z0-9]+)*$", option.Name);
            // `check --runs N` counts runs (as hyperfine's does); every other --runs would be the folder.
            Assert.False(Forbidden.Contains(option.Name) && !(name == "check" && option.Name == "--runs"), $"{name} {option.Name}: use the shared name (docs/cli.md, Conventions)");
            if (option.Description?.Contains("runs folder", StringComparison.OrdinalIgnoreCase) == true)
            {
                Assert.Equal("--runs-dir", option.Name);
            }

            foreach (var alias in option.Aliases)
            {
                Assert.Matches("^-[a-zA-Z?]$|^--[a-z][a-z0-9-]*$|^/[?h]$", alias);
                Assert.True(alias != "-o" || option.Name == "--output", $"{name}: -o is --output");
                Assert.True(alias != "-c" || option.Name == "--configuration", $"{name}: -c is --configuration");
            }

            if (!Shared.ContainsKey(option.Name))
            {
                Assert.True(section.Value.Contains(option.Name, StringComparison.Ordinal), $"{name} {option.Name} is not in docs/cli.md's section of '{name}'");
            }
        }

        if (name is not ("run" or "help"))
        {
            Assert.Contains(command.Options, o => o.Name == "--json");
        }
    }

    [Theory]
    [InlineData(new[] { "runs", "--limit", "abc" }, "--limit 'abc' is not a whole number")]
    [InlineData(new[] { "runs", "--limit", "-3" }, "--limit -3 shows no run")]
    [InlineData(new[] { "shwo" }, "'shwo' is not a command of 'dotnet repro' (did you mean 'show'?)")]
    [InlineData(new[] { "export", "--out", "x.json" }, "'--out' is not an option of 'dotnet repro export' (did you mean '--output'?)")]
    [InlineData(new[] { "report", "--limt", "3" }, "'--limt' is not an option of 'dotnet repro report' (did you mean '--limit'?)")]
    [InlineData(new[] { "compare", "a", "--runs-dir" }, "--runs-dir needs a value")]
    [InlineData(new[] { "help", "nope" }, "'nope' is not a command of 'dotnet repro'")]
    [InlineData(new[] { "runs", "note" }, "'dotnet repro runs note' needs <run>: The run: its id")]
    public void Bad_usage_is_one_line_in_the_users_words_with_exit_code_2(string[] args, string expected)
    {
        var (code, output, error) = ToolHarness.Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error REPRO507: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotMatch("System\\.|Nullable|`1|Exception", line);
    }

    [Fact]
    public void A_runs_folder_named_but_missing_is_an_error_not_an_empty_listing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "repro-no-such-" + Guid.NewGuid().ToString("N"));
        var (code, output, error) = ToolHarness.Run("runs", "--runs-dir", missing);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"error REPRO501: --runs-dir names {missing}, which is not a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_is_named_by_its_id_or_the_unique_start_of_it()
    {
        var runs = Path.Combine(Path.GetTempPath(), "repro-refs-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var id in new[] { "20261207-161631-001-aaaaaa", "20261207-161631-002-bbbbbb", "20261207-170000-000-cccccc" })
            {
                var record = Manifests.SampleRun();
                record.RunId = id;
                Directory.CreateDirectory(Path.Combine(runs, id));
                File.WriteAllBytes(Path.Combine(runs, id, "run.json"), Repro.Runs.Records.RunRecordSerializer.ToUtf8Bytes(record));
            }

            Assert.Equal("20261207-170000-000-cccccc", Input.RunLoader.TryLoad("20261207-17", runs, runs)!.Record.RunId);
            Assert.Equal("20261207-161631-002-bbbbbb", Input.RunLoader.TryLoad("20261207-161631-002-bbbbbb", runs, runs)!.Record.RunId);
            Assert.Null(Input.RunLoader.TryLoad("20261208", runs, runs));
            var ambiguous = Assert.Throws<Input.ToolInputException>(() => Input.RunLoader.TryLoad("20261207-161631", runs, runs));
            Assert.Contains("is the start of 2 run ids (20261207-161631-001-aaaaaa, 20261207-161631-002-bbbbbb)", ambiguous.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(runs, recursive: true);
        }
    }

    [Fact]
    public void Help_of_a_command_is_the_same_through_help_and_says_dotnet_repro()
    {
        var (code, viaHelp, _) = ToolHarness.Run("help", "runs");
        var (_, viaOption, _) = ToolHarness.Run("runs", "--help");
        var (_, overview, _) = ToolHarness.Run();

        Assert.Equal(0, code);
        Assert.Equal(viaOption, viaHelp);
        Assert.Contains("dotnet repro runs [command] [options]", viaHelp, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet-repro", viaHelp + overview, StringComparison.Ordinal);
        Assert.Contains("help <command>", overview, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_is_the_package_version_without_build_metadata()
    {
        var (code, output, _) = ToolHarness.Run("--version");

        Assert.Equal(0, code);
        Assert.Matches("^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?\\n$", output.Replace("\r", "", StringComparison.Ordinal));
    }

    private static RootCommand Root() => Program.CreateRoot(new ToolConsole(TextWriter.Null, TextWriter.Null, isTerminal: false));

    // The text of docs/cli.md from the heading of `dotnet repro NAME` to the next heading of its level.
    private static string Section(string name)
    {
        var start = Regex.Match(CliDocs, $"^## `dotnet repro (?:[a-z]+ and `dotnet repro )?{Regex.Escape(name)}\\b.*$", RegexOptions.Multiline);
        if (!start.Success)
        {
            start = Regex.Match(CliDocs, $"^## .*`dotnet repro {Regex.Escape(name)}\\b.*$", RegexOptions.Multiline);
        }

        Assert.True(start.Success, $"docs/cli.md has no section for '{name}'");
        var end = CliDocs.IndexOf("\n## ", start.Index + start.Length, StringComparison.Ordinal);
        return end < 0 ? CliDocs.Substring(start.Index) : CliDocs.Substring(start.Index, end - start.Index);
    }

}
