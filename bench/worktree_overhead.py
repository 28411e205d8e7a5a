#!/usr/bin/env python3
"""What a working tree costs a no-op build: Repro.Build against the same project without it, in one run.

Packs Repro.Build, then for each scenario makes one git repository holding two copies of a one-file console app (one
with the package, one without) and times no-op builds (dotnet build --no-restore, nothing changed), interleaved so
that machine noise hits both alike: in rounds, one pair per scenario per round, the scenarios in a shuffled order. Scenarios (issue: "a build's cost must not grow with what lies untracked"):
  clean            a committed tree, nothing changed
  untracked-20k    20,000 small untracked CSV files (raw data nobody put in .gitignore)
  untracked-1gb    1 GB of untracked binaries (a packages folder, model checkpoints)
  tracked-10k      10,000 tracked files of which 100 are modified
  solution-m8      a solution of 8 projects on a dirty tree built with -m:8 (one capture shared by the nodes)
Prints medians, the overhead in ms, the ratio, the median and the trimmed mean of the paired differences (each "with"
build against the "without" build beside it, which a slow drift of the machine cannot move; the order alternates so that
neither variant always runs second) with bootstrap intervals, the CPU time each build added (user + system, of every process: what the background capture
costs even when the second core hides it), and the size of the patch written by the "with" build. Each scenario's
files are flushed to disk (sync) before it is timed, so that the writeback of one setup does not slow the next
scenario's builds.

Usage: python3 bench/worktree_overhead.py [runs] [scenario ...]     (default 10 runs, every scenario)
"""
import glob
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import ROOT, run, timed, timed_cpu

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
ONLY = set(sys.argv[2:])

PROGRAM = 'System.Console.WriteLine("trained");\n'


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(text)


def project(directory, name, version):
    reference = f'<PackageReference Include="Repro.Build" Version="{version}" PrivateAssets="all" />' if version else ""
    write(os.path.join(directory, name + ".csproj"), f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup>{reference}</ItemGroup>
</Project>
""")
    write(os.path.join(directory, "Program.cs"), PROGRAM)


def git_env(env):
    return dict(env, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="b@example.com", GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="b@example.com")


def make_repo(work, name, feed, user_packages, version, env, projects=1):
    repo = os.path.join(work, name)
    write(os.path.join(repo, "NuGet.Config"), f"""<configuration><packageSources><add key="bench" value="{feed}" /></packageSources>
<fallbackPackageFolders><add key="user" value="{user_packages}" /></fallbackPackageFolders></configuration>""")
    write(os.path.join(repo, ".gitignore"), "bin/\nobj/\n")
    targets = {}
    for variant in ("without", "with"):
        if projects == 1:
            directory = os.path.join(repo, variant)
            project(directory, "App", version if variant == "with" else None)
            targets[variant] = directory
        else:
            solution = os.path.join(repo, variant)
            os.makedirs(solution)
            run(["dotnet", "new", "sln", "-n", "All", "-o", solution], solution, env)
            for i in range(projects):
                directory = os.path.join(solution, f"P{i}")
                project(directory, f"P{i}", version if variant == "with" else None)
                run(["dotnet", "sln", os.path.join(solution, "All.sln" if os.path.exists(os.path.join(solution, "All.sln")) else "All.slnx"),
                     "add", os.path.join(directory, f"P{i}.csproj")], solution, env)
            targets[variant] = solution
    return repo, targets


def commit(repo, env):
    run(["git", "init", "-q", "-b", "main"], repo, git_env(env))
    run(["git", "add", "-A"], repo, git_env(env))
    run(["git", "commit", "-q", "-m", "bench"], repo, git_env(env))


def scenario_clean(repo, env):
    commit(repo, env)


def scenario_untracked_20k(repo, env):
    commit(repo, env)
    for i in range(20000):
        write(os.path.join(repo, "raw", f"{i // 1000:02d}", f"sample-{i:05d}.csv"), f"{i},{i % 7},{i * 0.5}\n")


def scenario_untracked_1gb(repo, env):
    commit(repo, env)
    block = os.urandom(1 << 20)
    os.makedirs(os.path.join(repo, "packages"), exist_ok=True)
    for i in range(16):
        # Half look like packages (listed by extension), half have no extension (sniffed as binary, never read in full).
        name = f"pkg-{i:02d}.nupkg" if i % 2 == 0 else f"blob-{i:02d}"
        with open(os.path.join(repo, "packages", name), "wb") as f:
            for _ in range(64):
                f.write(block)


def scenario_tracked_10k(repo, env):
    for i in range(10000):
        write(os.path.join(repo, "src", f"{i // 500:02d}", f"file-{i:05d}.txt"), f"line {i}\n")
    commit(repo, env)
    for i in range(0, 10000, 100):
        write(os.path.join(repo, "src", f"{i // 500:02d}", f"file-{i:05d}.txt"), f"line {i} changed\n")


def scenario_solution_m8(repo, env):
    commit(repo, env)
    for variant in ("with", "without"):
        write(os.path.join(repo, variant, "P0", "Program.cs"), PROGRAM + "// a local change\n")


SCENARIOS = [
    ("clean", scenario_clean, 1, []),
    ("untracked-20k", scenario_untracked_20k, 1, []),
    ("untracked-1gb", scenario_untracked_1gb, 1, []),
    ("tracked-10k", scenario_tracked_10k, 1, []),
    ("solution-m8", scenario_solution_m8, 8, ["-m:8"]),
]


def trimmed_mean(values, cut=0.1):
    """The mean of the values without the lowest and highest tenth: nearly as precise as the mean when the machine's
    noise is spread evenly (it is, on this VM: one build varies by about 150 ms, its neighbour does not follow), and
    not pulled by the odd build that a stall of the host makes a second slower."""
    ordered = sorted(values)
    k = int(len(ordered) * cut)
    kept = ordered[k:len(ordered) - k] or ordered
    return sum(kept) / len(kept)


def bootstrap(differences, estimate, rounds=2000):
    """A 95 % interval of an estimate of the paired differences (percentile bootstrap, fixed seed): how far the
    machine's noise lets the figure be trusted."""
    rng = random.Random(42)
    values = sorted(estimate(rng.choices(differences, k=len(differences))) for _ in range(rounds))
    return values[int(rounds * 0.025)], values[int(rounds * 0.975) - 1]


def main():
    work = tempfile.mkdtemp(prefix="repro-bench-worktree-")
    env = dict(os.environ)
    env.update({"DOTNET_CLI_TELEMETRY_OPTOUT": "1", "DOTNET_NOLOGO": "1", "NUGET_PACKAGES": os.path.join(work, "packages")})
    try:
        feed = os.path.join(work, "feed")
        print("Packing Repro.Build ...", flush=True)
        run(["dotnet", "pack", os.path.join(ROOT, "src", "Repro.Build", "Repro.Build.csproj"), "-c", "Release", "-o", feed,
             "-p:ReproVersionLabel=bench-" + time.strftime("%Y%m%d-%H%M%S"), "-nologo", "-v:q"], ROOT, dict(os.environ))
        package = glob.glob(os.path.join(feed, "Repro.Build.*.nupkg"))[0]
        version = os.path.basename(package)[len("Repro.Build."):-len(".nupkg")]
        user_packages = os.environ.get("NUGET_PACKAGES") or os.path.join(os.path.expanduser("~"), ".nuget", "packages")

        # Every scenario is set up first, then timed in rounds: one pair of builds per scenario per round, the
        # scenarios in a shuffled order each round. A slow stretch of the machine then falls on all scenarios alike,
        # not on whichever was timed during it (run one after the other, the first scenario, timed right after the
        # pack, came out highest although it costs the least).
        prepared = []
        for name, setup, projects, extra in SCENARIOS:
            if ONLY and name not in ONLY:
                continue
            print(f"Scenario {name}: setting up ...", flush=True)
            repo, targets = make_repo(work, name, feed, user_packages, version, env, projects)
            setup(repo, env)
            build = ["dotnet", "build", "--no-restore", "-nologo", "-v:q", "-tl:off", "-nodeReuse:false"] + extra
            for directory in targets.values():
                run(["dotnet", "restore", "-nologo", "-v:q"], directory, env)
                for _ in range(2):
                    timed(build, directory, env)  # warm up: JIT, file cache, the worktree cache
            prepared.append((name, repo, targets, build, {"with": [], "without": []}, {"with": [], "without": []}))
        subprocess.run(["sync"])

        order = random.Random(7)
        for i in range(RUNS):
            for name, repo, targets, build, samples, cpu in order.sample(prepared, len(prepared)):
                for variant in (("without", "with") if i % 2 == 0 else ("with", "without")):
                    wall, used = timed_cpu(build, targets[variant], env)
                    samples[variant].append(wall)
                    cpu[variant].append(used)
            if (i + 1) % 10 == 0:
                print(f"  round {i + 1} of {RUNS}", flush=True)

        rows = []
        for name, repo, targets, build, samples, cpu in prepared:
            patches = glob.glob(os.path.join(targets["with"], "**", "bin", "**", "*.repro.patch"), recursive=True)
            patch = max((os.path.getsize(p) for p in patches), default=0)
            without, with_ = statistics.median(samples["without"]), statistics.median(samples["with"])
            # Each "with" build against the "without" build beside it: a slow drift of the machine hits both.
            differences = [w - o for o, w in zip(samples["without"], samples["with"])]
            paired = statistics.median(differences)
            trimmed = trimmed_mean(differences)
            cpu_added = statistics.median(w - o for o, w in zip(cpu["without"], cpu["with"]))
            low, high = bootstrap(differences, statistics.median)
            trimmed_low, trimmed_high = bootstrap(differences, trimmed_mean)
            rows.append((name, without, with_, paired, trimmed, cpu_added, patch))
            print(f"  {name}: without {without:.0f} ms, with {with_:.0f} ms, ratio {with_ / without:.3f}, paired overhead: median {paired:.0f} ms "
                  f"(95 % interval {low:.0f} to {high:.0f} ms: {1 + low / without:.3f} to {1 + high / without:.3f}), "
                  f"trimmed mean {trimmed:.0f} ms (95 % interval {trimmed_low:.0f} to {trimmed_high:.0f} ms: {1 + trimmed_low / without:.3f} to {1 + trimmed_high / without:.3f}), "
                  f"CPU added {cpu_added:.0f} ms, patch {patch:,} bytes", flush=True)
            shutil.rmtree(repo, ignore_errors=True)

        print()
        print(f"No-op builds, {RUNS} runs each, medians; machine: {os.cpu_count()} cores")
        print(f"{'scenario':16} {'without ms':>11} {'with ms':>9} {'overhead ms':>12} {'ratio':>7} {'paired ms':>10} {'paired ratio':>13} {'trimmed ms':>11} {'trimmed ratio':>14} {'CPU added ms':>13} {'patch bytes':>12}")
        for name, without, with_, paired, trimmed, cpu_added, patch in rows:
            print(f"{name:16} {without:11.0f} {with_:9.0f} {with_ - without:12.0f} {with_ / without:7.3f} {paired:10.0f} {1 + paired / without:13.3f} "
                  f"{trimmed:11.0f} {1 + trimmed / without:14.3f} {cpu_added:13.0f} {patch:12,}")
    finally:
        subprocess.run(["dotnet", "build-server", "shutdown"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
