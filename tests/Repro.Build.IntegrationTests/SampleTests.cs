using System;
using System.IO;
using System.Linq;

namespace Repro.Build.IntegrationTests;

/// <summary>The ML.NET sample of samples/, built and run from a git repository as a data scientist would.</summary>
[Collection(PackageCollection.Name)]
public sealed class SampleTests
{
    private readonly PackageFixture _fixture;

    public SampleTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Sample_trains_a_model_that_sits_beside_its_manifest_and_shows_REPRO001()
    {
        var repository = Path.Combine(_fixture.Projects, "sample");
        var projectDirectory = Path.Combine(repository, "MachineFailure");
        CopySample(Path.Combine(_fixture.RepositoryRoot, "samples", "MachineFailure"), projectDirectory);
        // As samples/run.sh does: the sample references the version just packed.
        var version = "-p:SampleReproBuildVersion=" + _fixture.PackageVersion;
        var runsVersion = "-p:SampleReproRunsVersion=" + _fixture.RunsPackageVersion;
        File.WriteAllText(Path.Combine(repository, ".gitignore"), "bin/\nobj/\n");
        _fixture.GitOutput(repository, "init", "-q", "-b", "main");
        _fixture.GitOutput(repository, "add", "-A");
        _fixture.GitOutput(repository, "commit", "-q", "-m", "sample");

        var build = new BuildResult(_fixture.Dotnet(projectDirectory, "build", version, runsVersion, "-nologo", "-v:m", "-tl:off", "-clp:NoSummary", "-nodeReuse:false"));
        Assert.True(build.Succeeded, build.ToString());
        var warning = Assert.Single(build.Warnings);
        Assert.Contains("Program.cs", warning, StringComparison.Ordinal);
        Assert.Contains("warning REPRO001", warning, StringComparison.Ordinal);

        string[] runArguments = ["run", "--no-build", "--property:SampleReproBuildVersion=" + _fixture.PackageVersion, "--property:SampleReproRunsVersion=" + _fixture.RunsPackageVersion];
        var run = _fixture.Dotnet(projectDirectory, runArguments);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Accuracy:", run.Output, StringComparison.Ordinal);

        var output = Path.Combine(projectDirectory, "bin", "Debug", "net10.0");
        Assert.True(File.Exists(Path.Combine(output, "model.zip")), run.ToString());
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "MachineFailure.repro.json")));
        Assert.Equal(_fixture.GitOutput(repository, "rev-parse", "HEAD"), manifest.RootElement.GetProperty("git").GetProperty("commit").GetString());
        Assert.Contains(manifest.RootElement.GetProperty("dependencies").GetProperty("packages").EnumerateArray(),
            p => p.GetProperty("id").GetString() == "Microsoft.ML" && p.GetProperty("version").GetString() == "5.0.1");

        // The training run logs the fingerprint ReproBuildInfo carries: the same as the manifest's.
        var fingerprint = manifest.RootElement.GetProperty("fingerprint").GetString()!;
        Assert.Contains($"Built from: {fingerprint} (commit {manifest.RootElement.GetProperty("git").GetProperty("commit").GetString()}, dirty False, seed 42)", run.Output, StringComparison.Ordinal);
        Assert.Equal(_fixture.Sha256Sum(Path.Combine(projectDirectory, "data", "sensors.csv")),
            manifest.RootElement.GetProperty("data").GetProperty("items")[0].GetProperty("files")[0].GetProperty("sha256").GetString());

        // The run record (Repro.Runs), recorded by autologging but for the data input and the learning curve: the
        // context's seed, the split, the trainer's options, the fit, every test metric and the model, linked to the build.
        Assert.DoesNotContain("warning REPRO4", run.Output, StringComparison.Ordinal);
        var recordPath = RecordPath(run.Output);
        Assert.StartsWith(Path.Combine(repository, ".repro", "runs"), recordPath, StringComparison.Ordinal);
        using (var record = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(recordPath)))
        {
            var root = record.RootElement;
            Assert.Equal(fingerprint, root.GetProperty("build").GetProperty("fingerprint").GetString());
            // Only the model's fit: the learning curve's are under [NoAutolog].
            var fit = Assert.Single(root.GetProperty("steps").EnumerateArray());
            Assert.Equal("fit EstimatorChain", fit.GetProperty("name").GetString());
            Assert.Equal("finished", fit.GetProperty("status").GetString());
            var parameters = root.GetProperty("params");
            Assert.Equal("SdcaLogisticRegression", parameters.GetProperty("binary/trainer").GetString());
            Assert.Equal("10", parameters.GetProperty("binary/SdcaLogisticRegression/MaximumNumberOfIterations").GetString());
            Assert.Equal("0.01", parameters.GetProperty("binary/SdcaLogisticRegression/L2Regularization").GetString());
            Assert.Equal("1", parameters.GetProperty("binary/SdcaLogisticRegression/NumberOfThreads").GetString());
            Assert.Equal("0.25", parameters.GetProperty("mlnet/trainTestSplit/testFraction").GetString());
            Assert.Equal("42", parameters.GetProperty("mlnet/seed").GetString());
            Assert.DoesNotContain(parameters.EnumerateObject(), p => p.Name.Contains("#2", StringComparison.Ordinal)); // one trainer, not one per pass
            Assert.Equal("42", root.GetProperty("seeds").GetProperty("mlnet").GetString());
            var metrics = root.GetProperty("metrics");
            Assert.Contains("Accuracy: " + metrics.GetProperty("binary/Accuracy").GetProperty("last").GetDouble().ToString("F3", System.Globalization.CultureInfo.InvariantCulture) + " ",
                run.Output, StringComparison.Ordinal);
            foreach (var name in new[] { "Accuracy", "AreaUnderRocCurve", "F1Score", "LogLoss", "PositivePrecision", "NegativeRecall" })
            {
                Assert.Equal(1, metrics.GetProperty("binary/" + name).GetProperty("count").GetInt32()); // the model's one evaluation
            }

            // The learning curve, by hand: one point per pass, the last one the model's.
            foreach (var name in new[] { "curve/accuracy", "curve/testLogLoss", "curve/trainLogLoss" })
            {
                Assert.Equal(10, metrics.GetProperty(name).GetProperty("count").GetInt32());
            }

            Assert.Equal(metrics.GetProperty("binary/Accuracy").GetProperty("last").GetDouble(), metrics.GetProperty("curve/accuracy").GetProperty("last").GetDouble());
            Assert.Equal("data/sensors.csv", Assert.Single(root.GetProperty("inputs").EnumerateArray()).GetProperty("path").GetString());
            Assert.Equal("bin/Debug/net10.0/model.zip", Assert.Single(root.GetProperty("outputs").EnumerateArray()).GetProperty("path").GetString());
        }

        FollowTheSampleReadme(repository, projectDirectory, runArguments, RecordPath(run.Output));

        // Data changed after the build, run again without building: the run says so.
        File.AppendAllText(Path.Combine(projectDirectory, "data", "sensors.csv"), "95.0,0.9,31.0,12,true\n");
        var changed = _fixture.Dotnet(projectDirectory, runArguments);
        Assert.True(changed.ExitCode == 0, changed.ToString());
        Assert.Contains("warning REPRO401: data 'data/sensors.csv' changed since the build", changed.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The sample README's second run (its parameters) and its `dotnet repro runs` and `compare`, with the installed tool:
    /// what they print has the shape the README shows (the same columns and sections), so the README cannot drift.
    /// </summary>
    private void FollowTheSampleReadme(string repository, string projectDirectory, string[] runArguments, string firstRecord)
    {
        var readme = File.ReadAllText(Path.Combine(_fixture.RepositoryRoot, "samples", "MachineFailure", "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = System.Text.RegularExpressions.Regex.Matches(readme, "```(?:sh)?\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        var secondRun = blocks.First(b => b.Contains("dotnet run -c Release --no-build", StringComparison.Ordinal) && b.Contains(" -- --iterations", StringComparison.Ordinal));
        var parameters = secondRun[(secondRun.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var second = _fixture.Dotnet(projectDirectory, runArguments.Append("--").Concat(parameters).ToArray());
        Assert.True(second.ExitCode == 0, second.ToString());

        var runs = _fixture.Tool(repository, "runs");
        var shownRuns = blocks[blocks.FindIndex(b => b.Trim() == "dotnet repro runs") + 1];
        Assert.True(runs.ExitCode == 0, runs.ToString());
        Assert.Equal(Columns(Header(shownRuns)), Columns(Header(runs.Output)));

        var ids = new[] { firstRecord, RecordPath(second.Output) }.Select(p => Path.GetFileName(Path.GetDirectoryName(p))![..15]).ToArray();
        var compare = _fixture.Tool(repository, "compare", ids[0], ids[1]);
        var shownCompare = blocks[blocks.FindIndex(b => b.Trim().StartsWith("dotnet repro compare", StringComparison.Ordinal)) + 1];
        Assert.True(compare.ExitCode == 1, compare.ToString()); // the parameters differ
        foreach (var title in new[] { "Parameters", "Metrics (last value)", "Metrics (points)", "Outputs" })
        {
            Assert.Contains("\n" + title + "\n", shownCompare, StringComparison.Ordinal);
            Assert.Contains("\n" + title + "\n", compare.Output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Contains("change (last − first)", shownCompare, StringComparison.Ordinal);
        Assert.Contains("change (last − first)", compare.Output, StringComparison.Ordinal);

        static string Header(string text) => text.Split('\n').First(l => l.TrimStart().StartsWith("run ", StringComparison.Ordinal));

        static string[] Columns(string header) => header.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    internal static string RecordPath(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("Run:", StringComparison.Ordinal))["Run:".Length..].Trim();

    internal static void CopySample(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var topFolder = relative.Split(Path.DirectorySeparatorChar).First();
            if (topFolder is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
