#!/usr/bin/env python3
"""What `dotnet repro reproduce` costs on the ML.NET sample, against doing its build and training by hand.

Packs the packages and the tool (Repro.Build.Packages.slnf) and installs the tool, commits samples/MachineFailure in a
throwaway git repository (package versions pinned in a Directory.Build.props), records one training run, then times,
interleaved so that machine noise hits both alike, in each round:
  by hand     the project's bin/ and obj/ removed, `dotnet build` (restore from the warm local package cache
              included, as a fresh work tree needs it) and the training (`dotnet bin/.../MachineFailure.dll`)
  reproduce   `dotnet repro reproduce RUN -o <new folder> --json`: work tree, data, toolchain probe, locked restore
              and build, the training, the comparison
and prints medians, the ratio, the overhead, and the phases of reproduce's own work (from its --json "seconds").

Usage: python3 bench/reproduce_cost.py [rounds]     (default 5; REPRO_BENCH_FEED=DIR uses the packages already packed there)
"""
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import ROOT, run, timed

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    work = tempfile.mkdtemp(prefix="repro-reproduce-bench-")
    env = dict(os.environ)
    env.update({"DOTNET_CLI_TELEMETRY_OPTOUT": "1", "DOTNET_NOLOGO": "1", "NUGET_PACKAGES": os.path.join(work, "packages"),
                "REPRO_SYSTEM_METRICS_INTERVAL": "0", "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "b@example.com",
                "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "b@example.com"})
    try:
        # REPRO_BENCH_FEED: a folder that already holds one pack of Repro.Build.Packages.slnf (saves packing again).
        feed = os.environ.get("REPRO_BENCH_FEED") or os.path.join(work, "feed")
        if not os.environ.get("REPRO_BENCH_FEED"):
            print("Packing the packages and the tool ...", flush=True)
            run(["dotnet", "pack", os.path.join(ROOT, "Repro.Build.Packages.slnf"), "-c", "Release", "-o", feed,
                 "-p:ReproVersionLabel=bench-" + time.strftime("%Y%m%d-%H%M%S"), "-nologo"], ROOT, dict(os.environ))

        def version(package_id):
            path = [p for p in glob.glob(os.path.join(feed, package_id + ".*.nupkg")) if os.path.basename(p)[len(package_id) + 1].isdigit()][0]
            return os.path.basename(path)[len(package_id) + 1:-len(".nupkg")]

        user_packages = os.environ.get("NUGET_PACKAGES") or os.path.join(os.path.expanduser("~"), ".nuget", "packages")
        write(os.path.join(work, "NuGet.Config"), f"""<configuration><packageSources><add key="bench" value="{feed}" /></packageSources>
<fallbackPackageFolders><add key="user" value="{user_packages}" /></fallbackPackageFolders></configuration>""")
        tools = os.path.join(work, "tools")
        run(["dotnet", "tool", "install", "dotnet-repro", "--tool-path", tools, "--add-source", feed, "--version", version("dotnet-repro")], work, env)
        tool = os.path.join(tools, "dotnet-repro")

        repo = os.path.join(work, "repo")
        project = os.path.join(repo, "MachineFailure")
        shutil.copytree(os.path.join(ROOT, "samples", "MachineFailure"), project, ignore=shutil.ignore_patterns("bin", "obj"))
        write(os.path.join(repo, "Directory.Build.props"), f"""<Project><PropertyGroup>
<SampleReproBuildVersion>{version("Repro.Build")}</SampleReproBuildVersion><SampleReproRunsVersion>{version("Repro.Runs")}</SampleReproRunsVersion>
</PropertyGroup></Project>
""")
        write(os.path.join(repo, ".gitignore"), "bin/\nobj/\n")
        run(["git", "init", "-q", "-b", "main"], repo, env)
        run(["git", "add", "-A"], repo, env)
        run(["git", "commit", "-q", "-m", "bench"], repo, env)

        def by_hand():
            for folder in ("bin", "obj"):
                shutil.rmtree(os.path.join(project, folder), ignore_errors=True)
            start = time.perf_counter()
            run(["dotnet", "build", "-nologo", "-v:q", "-tl:off", "-nodeReuse:false"], project, env)
            built = time.perf_counter()
            output = run(["dotnet", os.path.join(project, "bin", "Debug", "net10.0", "MachineFailure.dll")], project, env)
            end = time.perf_counter()
            record = [line for line in output.splitlines() if line.startswith("Run:")][0][len("Run:"):].strip()
            return (built - start) * 1000, (end - built) * 1000, os.path.basename(os.path.dirname(record))

        print("Recording the run ...", flush=True)
        _, _, run_id = by_hand()
        by_hand()  # warm up: JIT, file cache, package cache

        samples = {"build": [], "train": [], "by hand": [], "reproduce": []}
        phases = {}
        for i in range(ROUNDS):
            build_ms, train_ms, _ = by_hand()
            samples["build"].append(build_ms)
            samples["train"].append(train_ms)
            samples["by hand"].append(build_ms + train_ms)
            out = os.path.join(work, f"reproduction-{i}")
            start = time.perf_counter()
            result = subprocess.run([tool, "reproduce", run_id, "-o", out, "--json"], cwd=repo, env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
            samples["reproduce"].append((time.perf_counter() - start) * 1000)
            if result.returncode != 0:
                sys.exit(f"reproduce exited with {result.returncode}:\n{result.stdout}\n{result.stderr}")
            document = json.loads(result.stdout)
            assert document["verdict"] == "bit-identical", document["verdict"]
            for phase, seconds in document["seconds"].items():
                phases.setdefault(phase, []).append(seconds * 1000)
            shutil.rmtree(out, ignore_errors=True)

        hand = statistics.median(samples["by hand"])
        reproduce = statistics.median(samples["reproduce"])
        own = statistics.median([sum(phases[p][i] for p in ("sources", "data", "toolchain", "compare")) for i in range(ROUNDS)])
        print()
        print(f"Sample: samples/MachineFailure (ML.NET), {ROUNDS} rounds, medians; machine: {os.cpu_count()} cores; verdict bit-identical every time")
        print(f"{'by hand: build':32} {statistics.median(samples['build']):8.0f} ms")
        print(f"{'by hand: training':32} {statistics.median(samples['train']):8.0f} ms")
        print(f"{'by hand: build + training':32} {hand:8.0f} ms")
        print(f"{'dotnet repro reproduce':32} {reproduce:8.0f} ms")
        for phase, values in phases.items():
            print(f"{'  phase ' + phase:32} {statistics.median(values):8.0f} ms")
        print(f"{'  its own work (sources, data, toolchain, compare)':32} {own:8.0f} ms")
        print(f"{'overhead (reproduce - by hand)':32} {reproduce - hand:8.0f} ms")
        print(f"{'ratio (reproduce / by hand)':32} {reproduce / hand:8.3f}")
    finally:
        subprocess.run(["dotnet", "build-server", "shutdown"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
