#!/usr/bin/env python3
"""How long `dotnet repro show` and `diff` take, start-up included, against a .NET "hello world" on the same machine.

Packs Repro.Build and the dotnet-repro tool (as CI packs them: ReadyToRun code for linux-x64 in the portable package),
installs the tool with `dotnet tool install --tool-path`, builds a small consumer project twice (the second time with
a changed data file and an added package) to get two real manifests, then times, interleaved so that machine noise
hits every command alike:
  hello           a console app that prints one line (the floor: runtime start-up)
  show            dotnet-repro show A            (output redirected: plain text)
  show --json     dotnet-repro show A --json
  diff            dotnet-repro diff A B --no-log (without the git log lookup)
  diff + log      dotnet-repro diff A B          (runs git cat-file and git log)
  show, no R2R    the same with DOTNET_ReadyToRun=0 (no precompiled code at all, the framework's included: an upper bound of what it saves)
Prints the median and the 90th percentile of each. Target (issue 10): show and diff under 300 ms.

Usage: python3 bench/tool_startup.py [runs]     (default 20)
"""
import glob
import os
import shutil
import statistics
import sys
import tempfile
import time
import subprocess

from benchlib import ROOT, run

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 20


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def timed_quiet(args, env):
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return (time.perf_counter() - start) * 1000


def main():
    work = tempfile.mkdtemp(prefix="repro-tool-bench-")
    env = dict(os.environ)
    env.update({"DOTNET_CLI_TELEMETRY_OPTOUT": "1", "DOTNET_NOLOGO": "1", "NUGET_PACKAGES": os.path.join(work, "packages")})
    git = dict(env, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="b@example.com", GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="b@example.com")
    try:
        feed = os.path.join(work, "feed")
        for project in ("Repro.Build", "Repro.Tool"):
            run(["dotnet", "pack", os.path.join(ROOT, "src", project, project + ".csproj"), "-c", "Release", "-o", feed,
                 "-p:ReproVersionLabel=bench"], ROOT, dict(os.environ))
        package = glob.glob(os.path.join(feed, "Repro.Build.*.nupkg"))[0]
        version = os.path.basename(package)[len("Repro.Build."):-len(".nupkg")]
        user_packages = os.environ.get("NUGET_PACKAGES") or os.path.join(os.path.expanduser("~"), ".nuget", "packages")
        write(os.path.join(work, "NuGet.Config"), f"""<configuration><packageSources><add key="bench" value="{feed}" /></packageSources>
<fallbackPackageFolders><add key="user" value="{user_packages}" /></fallbackPackageFolders></configuration>""")
        tools = os.path.join(work, "tools")
        tool_package = glob.glob(os.path.join(feed, "dotnet-repro.*.nupkg"))[0]
        tool_version = os.path.basename(tool_package)[len("dotnet-repro."):-len(".nupkg")]
        run(["dotnet", "tool", "install", "dotnet-repro", "--tool-path", tools, "--add-source", feed, "--version", tool_version], work, env)
        tool = os.path.join(tools, "dotnet-repro")

        repo = os.path.join(work, "repo")
        project = os.path.join(repo, "Trainer")
        csproj = f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ReproSeed>42</ReproSeed></PropertyGroup>
  <ItemGroup><PackageReference Include="Repro.Build" Version="{version}" PrivateAssets="all" />PACKAGES<ReproData Include="data/" /></ItemGroup>
</Project>
"""
        write(os.path.join(project, "Trainer.csproj"), csproj.replace("PACKAGES", ""))
        write(os.path.join(project, "Program.cs"), 'System.Console.WriteLine("trained");\n')
        for i in range(20):
            write(os.path.join(project, "data", f"part{i:02}.csv"), "x,y\n" + "".join(f"{j},{j * i}\n" for j in range(1000)))
        write(os.path.join(repo, ".gitignore"), "bin/\nobj/\n")
        run(["git", "init", "-q", "-b", "main"], repo, git)
        run(["git", "add", "-A"], repo, git)
        run(["git", "commit", "-q", "-m", "initial"], repo, git)
        run(["dotnet", "build", "-c", "Release", project], repo, env)
        first = os.path.join(work, "A.repro.json")
        shutil.copy(os.path.join(project, "bin", "Release", "net10.0", "Trainer.repro.json"), first)
        write(os.path.join(project, "data", "part07.csv"), "x,y\n1,2\n")
        write(os.path.join(project, "Trainer.csproj"), csproj.replace("PACKAGES", '<PackageReference Include="Newtonsoft.Json" Version="13.0.3" />'))
        run(["git", "commit", "-q", "-am", "Change data and add a package"], repo, git)
        run(["dotnet", "build", "-c", "Release", project], repo, env)
        second = os.path.join(project, "bin", "Release", "net10.0", "Trainer.repro.json")

        hello = os.path.join(work, "hello")
        write(os.path.join(hello, "Hello.csproj"), """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework><RollForward>Major</RollForward></PropertyGroup>
</Project>
""")
        write(os.path.join(hello, "Program.cs"), 'System.Console.WriteLine("hello");\n')
        run(["dotnet", "build", "-c", "Release", "-o", os.path.join(hello, "out"), hello], hello, env)

        no_r2r = dict(env, DOTNET_ReadyToRun="0")
        cases = [
            ("hello", [os.path.join(hello, "out", "Hello")], env),
            ("show", [tool, "show", first], env),
            ("show --json", [tool, "show", first, "--json"], env),
            ("diff", [tool, "diff", first, second, "--no-log"], env),
            ("diff + log", [tool, "diff", first, second], env),
            ("show, no R2R", [tool, "show", first], no_r2r),
        ]
        for _, args, case_env in cases:  # warm the page cache
            timed_quiet(args, case_env)
        times = {name: [] for name, _, _ in cases}
        for _ in range(RUNS):
            for name, args, case_env in cases:
                times[name].append(timed_quiet(args, case_env))
        print(f"{'command':<14} {'median':>8} {'p90':>8}   ({RUNS} runs each, interleaved; load average {os.getloadavg()[0]:.1f})")
        for name, _, _ in cases:
            values = sorted(times[name])
            p90 = values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]
            print(f"{name:<14} {statistics.median(values):>6.0f} ms {p90:>5.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
