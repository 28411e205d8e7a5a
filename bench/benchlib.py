"""What the benchmark scripts share: the repository root, running a command, and timing one."""
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(args, cwd, env, check=True):
    """Runs a command and returns its output; exits with the output when it fails and check is set."""
    result = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stdout}")
    return result.stdout


def timed(args, cwd, env, check=True):
    """Runs a command and returns its wall time in milliseconds (check=False: a non-zero exit code is an answer, not a failure)."""
    start = time.perf_counter()
    run(args, cwd, env, check)
    return (time.perf_counter() - start) * 1000


def timed_cpu(args, cwd, env, check=True):
    """Runs a command and returns (wall ms, CPU ms): the CPU time (user + system) of the command and every process it
    waited for, which the other core's idle time does not hide and which varies far less than wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = timed(args, cwd, env, check)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu
