using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Repro.Build.IntegrationTests;

/// <summary>
/// Sharing runs with a team through git, as two people do it: a bare repository is the team's remote, Alice's clone
/// builds and runs a trainer that references Repro.Runs, Bob's clone pulls, both with the installed dotnet-repro.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class TeamTests
{
    private const string Trainer = """
        using Repro.Runs;

        var learningRate = double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
        using var run = ReproRun.Start("sweep");
        run.LogParams(new { learningRate, apiKey = "ghp_abcdefghijklmnopqrstuvwxyz0123456789" });
        for (var epoch = 0; epoch < 5; epoch++)
        {
            run.LogMetric("loss", learningRate / (epoch + 1), epoch);
        }

        run.LogMetric("accuracy", 1 - learningRate, 4);
        if (args.Length > 1)
        {
            run.LogMetric("noise", System.Random.Shared.NextDouble(), 0); // what `dotnet repro check` must catch
        }
        """;

    private readonly PackageFixture _fixture;

    public TeamTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    private ProcessResult Tool(string directory, params string[] arguments) => _fixture.Tool(directory, arguments);

    [Fact]
    public void Runs_pushed_from_one_clone_are_listed_filtered_and_sorted_in_another_without_credentials_or_touching_branches()
    {
        // Alice's clone: the trainer, committed and pushed to the team's bare repository.
        var (alice, project, remote) = TrainerWithRemote("team-alice");
        _fixture.GitOutput(alice, "push", "-q", "origin", "main");
        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        foreach (var rate in new[] { "0.1", "0.3" })
        {
            var trained = _fixture.Dotnet(project.Directory, Path.Combine(project.OutputPath(), "Trainer.dll"), rate);
            Assert.True(trained.ExitCode == 0, trained.ToString());
        }

        var aliceHead = _fixture.GitOutput(alice, "rev-parse", "HEAD");

        // Does a run repeat? The same trainer twice under other processor counts, cultures and time zones.
        var trainer = Path.Combine(project.OutputPath(), "Trainer.dll");
        var repeats = Tool(project.Directory, "check", "--", "dotnet", trainer, "0.2");
        var noisy = Tool(project.Directory, "check", "--json", "--runs", "3", "--", "dotnet", trainer, "0.2", "noise");
        Assert.True(repeats.ExitCode == 0, repeats.ToString());
        Assert.Contains("Reproducible: 2 runs", repeats.Output, StringComparison.Ordinal);
        Assert.Contains("culture de-DE", repeats.Output, StringComparison.Ordinal);
        Assert.True(noisy.ExitCode == 1, noisy.ToString());
        var noisyJson = noisy.Output[noisy.Output.IndexOf('{', StringComparison.Ordinal)..]; // progress lines go to stderr first
        using (var checkedRuns = JsonDocument.Parse(noisyJson))
        {
            Assert.False(checkedRuns.RootElement.GetProperty("reproducible").GetBoolean());
            Assert.Equal(3, checkedRuns.RootElement.GetProperty("runs").GetArrayLength());
            Assert.StartsWith("run 2 (", checkedRuns.RootElement.GetProperty("differences")[0].GetString());
            Assert.Contains("metric noise", checkedRuns.RootElement.GetProperty("differences")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(2, RunFolders(alice)); // check's runs went to folders of their own, not into the clone's runs

        var push = Tool(project.Directory, "push");

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Contains("Pushed 2 local run(s) to 'origin'", push.Output, StringComparison.Ordinal);
        Assert.Equal(aliceHead, _fixture.GitOutput(alice, "rev-parse", "HEAD"));
        Assert.Equal("main", _fixture.GitOutput(alice, "rev-parse", "--abbrev-ref", "HEAD"));
        Assert.Equal(new[] { "refs/heads/main", "refs/repro/runs" }, _fixture.GitOutput(remote, "for-each-ref", "--format=%(refname)").Split('\n'));
        // Nothing on the shared ref carries the token the trainer logged as a parameter.
        foreach (var blob in _fixture.GitOutput(remote, "ls-tree", "-r", "--object-only", "refs/repro/runs").Split('\n'))
        {
            Assert.DoesNotContain("ghp_", _fixture.GitOutput(remote, "cat-file", "blob", blob), StringComparison.Ordinal);
        }

        // Bob clones the team's repository and pulls the runs.
        var bob = Path.Combine(_fixture.Projects, "team-bob");
        _fixture.GitOutput(_fixture.Projects, "clone", "-q", remote, bob);

        var pull = Tool(bob, "pull", "--json");
        var listed = Tool(bob, "runs", "--json");
        var filtered = Tool(bob, "runs", "--param", "learningRate=0.3", "--json");
        var byMetric = Tool(bob, "runs", "--metric", "accuracy>0.8", "--json");
        var sorted = Tool(bob, "runs", "--sort", "loss", "--desc", "--json");
        var table = Tool(bob, "runs");

        Assert.True(pull.ExitCode == 0, pull.ToString());
        using (var pulled = JsonDocument.Parse(pull.Output))
        {
            Assert.Equal(2, pulled.RootElement.GetProperty("newRuns").GetInt32());
            Assert.Equal(2, pulled.RootElement.GetProperty("written").GetInt32());
        }

        Assert.Equal(new[] { "0.1", "0.3" }, Params(listed, "learningRate"));
        Assert.Equal(new[] { "0.3" }, Params(filtered, "learningRate"));
        Assert.Equal(new[] { "0.1" }, Params(byMetric, "learningRate"));
        Assert.Equal(new[] { "0.3", "0.1" }, Params(sorted, "learningRate"));
        using (var runs = JsonDocument.Parse(listed.Output))
        {
            var first = runs.RootElement.GetProperty("runs")[0];
            Assert.Equal("finished", first.GetProperty("status").GetString());
            var record = first.GetProperty("record");
            Assert.Equal(aliceHead, record.GetProperty("build").GetProperty("commit").GetString());
            Assert.Equal(0.9, record.GetProperty("metrics").GetProperty("accuracy").GetProperty("last").GetDouble(), 6);
            Assert.Equal("<redacted>", record.GetProperty("params").GetProperty("apiKey").GetString());
        }

        // Bob compares them: only what differs, by run id prefix.
        string[] ids;
        using (var runs = JsonDocument.Parse(listed.Output))
        {
            ids = runs.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("runId").GetString()!).ToArray();
        }

        var compare = Tool(bob, "compare", ids[0], ids[1][..^2], "--json");
        var compareTable = Tool(bob, "compare", ids[0], ids[1]);
        Assert.True(compare.ExitCode == 1, compare.ToString());
        using (var compared = JsonDocument.Parse(compare.Output))
        {
            var sections = compared.RootElement.GetProperty("sections");
            Assert.Equal(new[] { "0.1", "0.3" }, sections.GetProperty("params").GetProperty("learningRate").EnumerateArray().Select(v => v.GetString()));
            Assert.True(sections.GetProperty("metrics").TryGetProperty("accuracy", out _));
            Assert.False(sections.GetProperty("build").TryGetProperty("commit", out _)); // same commit: not a difference
        }

        Assert.Contains("learningRate", compareTable.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("apiKey", compareTable.Output, System.StringComparison.Ordinal); // redacted alike in both: no difference

        // Bob's report: one self-contained page, checked in a real headless browser.
        var reportFolder = Directory.CreateDirectory(Path.Combine(_fixture.Projects, "team-report")).FullName; // outside the clone
        var reportPath = Path.Combine(reportFolder, "report.html");
        var report = Tool(bob, "report", "--output", reportPath);
        Assert.True(report.ExitCode == 0, report.ToString());
        var html = File.ReadAllText(reportPath);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal); // no external script, image or frame
        var dom = Browser(reportFolder, "--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(reportPath).AbsoluteUri);
        Assert.Contains("data-script=\"ok\"", dom, StringComparison.Ordinal); // the page's script ran to its end without an error
        Assert.DoesNotContain(":CONSOLE", dom, StringComparison.Ordinal); // nothing logged to the console, no uncaught error
        Assert.Contains("data-key=\"learningRate\">0.1</td>", dom, StringComparison.Ordinal);
        Assert.Contains("data-key=\"learningRate\">0.3</td>", dom, StringComparison.Ordinal);
        Assert.Contains("data-key=\"accuracy\" data-v=\"0.9\">0.9</td>", dom, StringComparison.Ordinal);
        Assert.Contains("data-key=\"accuracy\" data-v=\"0.7\">0.7</td>", dom, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"metric-chart\" data-metric=\"loss\"", dom, StringComparison.Ordinal); // 5 epochs: a curve
        Assert.Contains("<svg class=\"metric-bars\" data-metric=\"accuracy\"", dom, StringComparison.Ordinal); // logged once: bars
        Assert.DoesNotContain("<svg class=\"metric-chart\" data-metric=\"accuracy\"", dom, StringComparison.Ordinal);
        // Parameters against a metric: one line per run in each metric's view, an axis for learningRate only (apiKey is alike).
        Assert.Contains("<svg class=\"parallel\" data-metric=\"accuracy\"", dom, StringComparison.Ordinal);
        Assert.Equal(4, dom.Split("class=\"pc-run\"").Length - 1);
        Assert.Contains("data-param=\"learningRate\"", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("data-param=\"apiKey\"", dom, StringComparison.Ordinal);
        Assert.Contains("<td class=\"branch\">main</td>", dom, StringComparison.Ordinal); // the branch Alice built on
        Assert.Contains("<div class=\"scroll\">", dom, StringComparison.Ordinal); // many parameters scroll inside the box
        var screenshot = Path.Combine(reportFolder, "report.png");
        Browser(reportFolder, "--hide-scrollbars", "--window-size=1280,1000", "--screenshot=" + screenshot, new Uri(reportPath).AbsoluteUri);
        var image = PngImage.Read(screenshot);
        var chartPixels = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                // The first two series colours of the palette (#1f77b4, #d62728): the curves, drawn.
                var (r, g, b) = image.Pixel(x, y);
                if ((Math.Abs(r - 0x1f) < 24 && Math.Abs(g - 0x77) < 24 && Math.Abs(b - 0xb4) < 24) || (Math.Abs(r - 0xd6) < 24 && Math.Abs(g - 0x27) < 24 && Math.Abs(b - 0x28) < 24))
                {
                    chartPixels++;
                }
            }
        }

        Assert.True(chartPixels > 500, $"the screenshot shows {chartPixels} pixels of the curves' colours");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("2 of 2 run(s)", table.Output, StringComparison.Ordinal);
        Assert.Contains("learningRate=0.3", table.Output, StringComparison.Ordinal);
        Assert.Equal("", _fixture.GitOutput(bob, "status", "--porcelain")); // the pulled runs are git-ignored, nothing else changed
    }

    [Fact]
    public void A_repository_without_a_remote_and_a_remote_with_credentials_give_one_clear_line()
    {
        var (repository, _) = ConsumerProject.CreateInRepository(_fixture, "team-lonely", "namespace Lonely; public static class Model { }\n");
        var runs = Path.Combine(repository, ".repro", "runs", "20261128-080000-000-abcdef");
        Directory.CreateDirectory(runs);
        File.WriteAllText(Path.Combine(runs, "run.json"), """{"schemaVersion":1,"runId":"20261128-080000-000-abcdef","status":"finished","startTime":"2026-11-28T08:00:00.000Z","lastWriteTime":"2026-11-28T08:00:01.000Z"}""");

        var none = Tool(repository, "push");
        _fixture.GitOutput(repository, "remote", "add", "private", "http://alice:s3cr3t-T0ken@127.0.0.1:9/team.git");
        var leaky = Tool(repository, "push", "private");

        // The whole output (with REPRO_DEBUG's stack trace) when it fails: twice in CI it said REPRO900.
        Assert.True(none.ExitCode == 2 && none.Output.Contains("REPRO520", StringComparison.Ordinal), none.ToString());
        Assert.Contains("git remote add origin URL", none.Output, StringComparison.Ordinal);
        Assert.True(leaky.ExitCode == 2 && leaky.Output.Contains("REPRO520", StringComparison.Ordinal), leaky.ToString());
        Assert.DoesNotContain("s3cr3t", leaky.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", leaky.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_with_REPRO_RUNS_SHARE_is_on_the_remote_when_it_ends_with_branch_and_patch_and_an_unreachable_remote_costs_one_warning()
    {
        var (repository, project, remote) = TrainerWithRemote("team-auto");
        // Uncommitted work: the build is dirty, and its patch must travel with the run.
        File.WriteAllText(Path.Combine(project.Directory, "Tuning.cs"), "internal static class Tuning { public const int Trees = 20; }\n");
        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        var head = _fixture.GitOutput(repository, "rev-parse", "HEAD");
        var trainer = Path.Combine(project.OutputPath(), "Trainer.dll");

        var shared = _fixture.DotnetWithEnvironment(project.Directory, new() { ["REPRO_RUNS_SHARE"] = "true" }, trainer, "0.1");

        Assert.True(shared.ExitCode == 0, shared.ToString());
        Assert.DoesNotContain("REPRO407", shared.Output, StringComparison.Ordinal);
        var files = _fixture.GitOutput(remote, "ls-tree", "-r", "--name-only", "refs/repro/runs").Split('\n');
        var recordPath = Assert.Single(files, f => f.EndsWith("/run.json", StringComparison.Ordinal));
        Assert.Contains(recordPath.Replace("run.json", "build.patch", StringComparison.Ordinal), files);
        using (var record = JsonDocument.Parse(_fixture.GitOutput(remote, "show", "refs/repro/runs:" + recordPath)))
        {
            var root = record.RootElement;
            Assert.Equal("finished", root.GetProperty("status").GetString()); // the final state, pushed at the end
            Assert.Equal("main", root.GetProperty("build").GetProperty("branch").GetString());
            Assert.True(root.GetProperty("build").GetProperty("dirty").GetBoolean());
            Assert.Equal("build.patch", root.GetProperty("build").GetProperty("patch").GetString());
            Assert.Equal("origin", root.GetProperty("share").GetProperty("remote").GetString());
        }

        Assert.Contains("Trees = 20", _fixture.GitOutput(remote, "show", "refs/repro/runs:" + recordPath.Replace("run.json", "build.patch", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(head, _fixture.GitOutput(repository, "rev-parse", "HEAD"));
        Assert.Equal("?? Trainer/Tuning.cs", _fixture.GitOutput(repository, "status", "--porcelain")); // nothing but the user's own work

        // The team's server is down (and its URL carries a token): the training still ends well, with one line.
        _fixture.GitOutput(repository, "remote", "set-url", "origin", "http://alice:ghp_abcdefghijklmnopqrstuvwxyz0123456789@127.0.0.1:9/team.git");
        var offline = _fixture.DotnetWithEnvironment(project.Directory, new() { ["REPRO_RUNS_SHARE"] = "origin", ["REPRO_RUNS_SHARE_TIMEOUT"] = "20" }, trainer, "0.2");

        Assert.True(offline.ExitCode == 0, offline.ToString());
        var warning = Assert.Single(offline.Output.Split('\n'), l => l.Contains("REPRO407", StringComparison.Ordinal));
        Assert.StartsWith("warning REPRO407: the run could not be pushed to the git remote 'origin'", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", offline.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", offline.Output, StringComparison.Ordinal);
    }

    /// <summary>The trainer, referencing the packed Repro.Runs, committed in a new repository whose origin is a new bare one (the team's).</summary>
    private (string Repository, ConsumerProject Project, string Remote) TrainerWithRemote(string name)
    {
        var (repository, project) = ConsumerProject.CreateInRepository(_fixture, name, Trainer,
            extraProperties: "<OutputType>Exe</OutputType>",
            extraItems: """<PackageReference Include="Repro.Runs" Version="$(ReproRunsVersion)" />""");
        var remote = Path.Combine(_fixture.Projects, name + ".git");
        _fixture.GitOutput(_fixture.Projects, "init", "-q", "--bare", "-b", "main", remote);
        _fixture.GitOutput(repository, "remote", "add", "origin", remote);
        return (repository, project, remote);
    }

    /// <summary>
    /// Headless Chromium (Debian's package; .ci/run installs it) on a file URL; returns what it printed. Its profile and
    /// temporary files go to a short folder of its own under /tmp, removed afterwards: Chromium puts its singleton socket
    /// in TMPDIR, and a socket's path must fit in 108 bytes, so under a long TMPDIR it died with "Socket path too long".
    /// </summary>
    private string Browser(string directory, params string[] arguments)
    {
        const string chromium = "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), "Debian's chromium package is needed for the report test (.ci/run installs it: apt-get install chromium).");
        var own = Directory.CreateDirectory(Path.Combine("/tmp", "rc-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            var environment = new Dictionary<string, string?>(_fixture.Environment) { ["TMPDIR"] = own };
            var result = ProcessRunner.Run(chromium, directory, environment,
                new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + Path.Combine(own, "profile") }.Concat(arguments).ToArray());
            Assert.True(result.ExitCode == 0, result.ToString());
            return result.Output;
        }
        finally
        {
            Directory.Delete(own, recursive: true);
        }
    }

    private static int RunFolders(string repository) => Directory.GetDirectories(Path.Combine(repository, ".repro", "runs")).Length;

    private static string[] Params(ProcessResult result, string key)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Output);
        return document.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("record").GetProperty("params").GetProperty(key).GetString()!).ToArray();
    }
}
