#!/usr/bin/env python3
"""Cost of the Repro analyzers on a large C# code base, measured with the compiler's own -p:ReportAnalyzer=true.

Generates a project of about 100,000 lines (580 files) that mixes ordinary code with every API the rules look at
(flagged and correct uses, including ML.NET, TorchSharp, TorchVision and Math.NET code, so that the library rules do
their work rather than bail out), references the packed Repro.Build and those libraries, builds it (full rebuild,
Release), and prints from the compiler's report: the compile time (Csc task), the time of all Repro analyzers together
and of each, as a share of it.

Usage: python3 bench/analyzer_overhead.py [files] [runs]     (default 580 files ≈ 100,000 lines, 3 runs; medians)
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = int(sys.argv[1]) if len(sys.argv) > 1 else 580
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3

TEMPLATE = """using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Generated.Module{n};

public sealed class Trainer{n}
{{
    private readonly Random _random = new Random({n});
    private readonly double[] _weights = new double[64];

    public double Step(double[] input, double learningRate)
    {{
        double loss = 0;
        for (var i = 0; i < input.Length && i < _weights.Length; i++)
        {{
            var prediction = _weights[i] * input[i];
            var error = prediction - (input[i] > 0.5 ? 1.0 : 0.0);
            loss += error * error;
            _weights[i] -= learningRate * error * input[i];
        }}

        return loss / Math.Max(1, input.Length);
    }}

    public int[] Shuffle(int count)
    {{
        var order = Enumerable.Range(0, count).ToArray();
        _random.Shuffle(order);
        return order;
    }}

    public int Unseeded() => new Random().Next() + Random.Shared.Next();

    public int Clock() => new Random(Environment.TickCount).Next();

    public string[] Files(string folder) => Directory.GetFiles(folder).Take(10).ToArray();

    public string[] SortedFiles(string folder)
    {{
        var files = Directory.GetFiles(folder);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }}

    public bool InTestSet(string id) => Math.Abs(id.GetHashCode()) % 10 < 2;

    public int StableBucket(int id) => id % 10;

    public double ParallelSum(double[] values) => values.AsParallel().Sum();

    public double[] Ordered(double[] values) => values.AsParallel().AsOrdered().Select(v => v * 2).ToArray();

    public int[] GuidShuffle(int[] rows) => rows.OrderBy(_ => Guid.NewGuid()).ToArray();

    public object Sdca(Microsoft.ML.MLContext ml, Microsoft.ML.IDataView data)
    {{
        var context = new Microsoft.ML.MLContext();
        var split = context.Data.TrainTestSplit(data, testFraction: 0.2);
        var loaded = new Microsoft.ML.MLContext().Model.Load("model{n}.zip", out _);
        return Microsoft.ML.StandardTrainersCatalog.SdcaLogisticRegression(ml.BinaryClassification.Trainers, new Microsoft.ML.Trainers.SdcaLogisticRegressionBinaryTrainer.Options {{ NumberOfThreads = 1 }});
    }}

    public object TorchOps(TorchSharp.torch.utils.data.Dataset data)
    {{
        var layer = TorchSharp.torch.nn.Linear(64, {n} % 7 + 1);
        var noise = TorchSharp.torch.randn(4, 4);
        var flip = TorchSharp.torchvision.transforms.RandomHorizontalFlip();
        var crop = TorchSharp.torchvision.transforms.RandomResizedCrop(32);
        var loader = new TorchSharp.Modules.DataLoader(data, 32, shuffle: true, num_worker: 2);
        return (layer, noise, flip, crop, loader);
    }}

    public double MathNetOps(int rows)
    {{
        var source = new MathNet.Numerics.Random.MersenneTwister({n});
        var weights = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Random(rows, 8, new MathNet.Numerics.Distributions.Normal());
        return weights[0, 0] + new MathNet.Numerics.Distributions.Normal(0, 1, source).Sample() + new MathNet.Numerics.Distributions.Normal(0, 1).Density(0.5);
    }}

    public double[] Bag(double[] values)
    {{
        var bag = new System.Collections.Concurrent.ConcurrentBag<double>();
        Parallel.ForEach(values, v => bag.Add(v * v));
        return bag.ToArray();
    }}

    public int Sample(int[] rows) => rows[System.Security.Cryptography.RandomNumberGenerator.GetInt32(rows.Length)];

    public IEnumerable<string> Report(IEnumerable<(string Name, double Score)> results)
    {{
        foreach (var (name, score) in results.OrderByDescending(r => r.Score).ThenBy(r => r.Name, StringComparer.Ordinal))
        {{
            yield return $"{{name}}: {{score:F3}}";
        }}
    }}

    public Dictionary<string, int> Count(IEnumerable<string> words)
    {{
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words)
        {{
            counts[word] = counts.TryGetValue(word, out var c) ? c + 1 : 1;
        }}

        return counts;
    }}
"""


def method_block(n, k):
    return f"""
    public double Feature{k}(double[] x)
    {{
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {{
            sum += Math.Sin(x[i] * {k + 1}) * Math.Cos(x[i] / {k + 2});
        }}

        var squares = x.Select(v => v * v).Where(v => v > {k} * 0.01).ToList();
        return squares.Count > 0 ? sum / squares.Count : sum;
    }}
"""


def run(args, cwd, env):
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stdout[-4000:]}")
    return result.stdout, (time.perf_counter() - start) * 1000


def main():
    work = tempfile.mkdtemp(prefix="repro-analyzer-bench-")
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1", NUGET_PACKAGES=os.path.join(work, "packages"))
    try:
        feed = os.path.join(work, "feed")
        print("Packing Repro.Build ...", flush=True)
        # The version comes from version.json and git (Nerdbank.GitVersioning); the label marks this run's package.
        output, _ = run(["dotnet", "pack", os.path.join(ROOT, "src", "Repro.Build", "Repro.Build.csproj"), "-c", "Release", "-o", feed,
                         "-p:ReproVersionLabel=bench-" + time.strftime("%Y%m%d-%H%M%S"), "-nologo", "-getProperty:PackageVersion"],
                        ROOT, dict(os.environ))
        version = output.strip().splitlines()[-1]
        print(f"Packed Repro.Build {version}", flush=True)
        user_packages = os.environ.get("NUGET_PACKAGES") or os.path.join(os.path.expanduser("~"), ".nuget", "packages")
        # The ML packages come from the user's folder (a restore of the analyzer tests puts them there) or the machine's
        # own package sources (this config adds a feed and inherits the user's sources).
        # The REPRO warnings stay on: the compiler skips an analyzer all of whose diagnostics are suppressed (NoWarn),
        # and would then measure nothing.
        project = os.path.join(work, "Big")
        os.makedirs(project)
        with open(os.path.join(work, "NuGet.Config"), "w") as f:
            f.write(f"""<configuration><packageSources><add key="bench" value="{feed}" /></packageSources>
<fallbackPackageFolders><add key="user" value="{user_packages}" /></fallbackPackageFolders></configuration>""")
        with open(os.path.join(project, "Big.csproj"), "w") as f:
            f.write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><OutputType>Exe</OutputType><GenerateReproManifest>false</GenerateReproManifest></PropertyGroup>
  <ItemGroup><PackageReference Include="Repro.Build" Version="{version}" PrivateAssets="all" />
    <!-- The ML libraries, compile-only: the library rules run only where they are referenced. -->
    <PackageReference Include="Microsoft.ML" Version="5.0.1" IncludeAssets="compile" />
    <PackageReference Include="TorchSharp" Version="0.107.0" IncludeAssets="compile" />
    <PackageReference Include="TorchVision" Version="0.107.0" IncludeAssets="compile" />
    <PackageReference Include="MathNet.Numerics" Version="5.0.0" IncludeAssets="compile" /></ItemGroup>
</Project>""")
        lines = 0
        with open(os.path.join(project, "Program.cs"), "w") as f:
            f.write("System.Console.WriteLine(\"bench\");\n")
        for n in range(FILES):
            text = TEMPLATE.format(n=n) + "".join(method_block(n, k) for k in range(8)) + "}\n"
            lines += text.count("\n")
            with open(os.path.join(project, f"Trainer{n}.cs"), "w") as f:
                f.write(text)

        run(["dotnet", "restore", "-nologo", "-v:q"], project, env)
        build = ["dotnet", "build", "-c", "Release", "--no-restore", "--no-incremental", "-nologo", "-v:d", "-tl:off",
                 "-p:ReportAnalyzer=true", "-clp:PerformanceSummary", "-nodeReuse:false"]
        run(build, project, env)  # warm up

        sample, _ = run(build, project, env)
        section = re.search(r"Repro\.Build\.Analyzers, Version=[^\n]*\n(?:[^\n]*Repro\.Build\.Analyzers\.Rules[^\n]*\n)+", sample)
        if os.environ.get("REPRO_BENCH_SHOW_REPORT"):
            print(section.group(0) if section else "(no Repro.Build.Analyzers section in the compiler's report)")
        compile_ms, repro_ms, per_rule = [], [], {}
        for _ in range(RUNS):
            output, _ = run(build, project, env)
            csc = re.search(r"^\s*(\d+) ms\s+Csc\s+\d+ calls", output, re.M)
            compile_ms.append(float(csc.group(1)))
            # Per analyzer type lines under the Repro.Build.Analyzers assembly line: "   <seconds>   <pct>   <name> (<ids>)"
            block = re.search(r"Repro\.Build\.Analyzers, Version=[^\n]*\n((?:\s+[<\d.]+\s+[<\d]+\s+Repro\.Build\.Analyzers\.Rules\.[^\n]*\n)+)", output)
            assembly = re.search(r"^\s+(<?[\d.]+)\s+<?\d+\s+Repro\.Build\.Analyzers, Version=", output, re.M)
            total = 0.0
            if block:
                for line in block.group(1).splitlines():
                    m = re.match(r"\s+(<?[\d.]+)\s+<?\d+\s+Repro\.Build\.Analyzers\.Rules\.(\w+)", line)
                    if m:
                        seconds = 0.0005 if m.group(1).startswith("<") else float(m.group(1))
                        per_rule.setdefault(m.group(2), []).append(seconds * 1000)
                        total += seconds * 1000
            # The compiler's own total for the assembly, when it reports one; else the sum of the rules.
            if assembly and not assembly.group(1).startswith("<"):
                total = float(assembly.group(1)) * 1000
            repro_ms.append(total)

        # The same rebuild with the Repro analyzers removed (ReproAnalyzers=false): the wall-clock cost of all of them.
        without_ms = []
        for _ in range(RUNS):
            output, _ = run(build + ["-p:ReproAnalyzers=false"], project, env)
            without_ms.append(float(re.search(r"^\s*(\d+) ms\s+Csc\s+\d+ calls", output, re.M).group(1)))

        compile_median = statistics.median(compile_ms)
        without_median = statistics.median(without_ms)
        repro_median = statistics.median(repro_ms)
        print()
        print(f"Generated project: {FILES} files, {lines:,} lines; {RUNS} full rebuilds (Release), medians; {os.cpu_count()} cores")
        print(f"{'':44} {'ms':>9} {'% of compile':>13}")
        print(f"{'compile (Csc task, all analyzers included)':44} {compile_median:9.0f} {100.0:12.1f}%")
        print(f"{'compile without the Repro analyzers':44} {without_median:9.0f} {100 * without_median / compile_median:12.1f}%")
        print(f"{'all Repro analyzers together (report)':44} {repro_median:9.0f} {100 * repro_median / compile_median:12.2f}%")
        for rule, times in sorted(per_rule.items(), key=lambda kv: -statistics.median(kv[1])):
            print(f"{'  ' + rule:44} {statistics.median(times):9.0f} {100 * statistics.median(times) / compile_median:12.2f}%")
    finally:
        subprocess.run(["dotnet", "build-server", "shutdown"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
