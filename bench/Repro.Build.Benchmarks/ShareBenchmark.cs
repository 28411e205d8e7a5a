using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Repro.Runs.Sharing;

/// <summary>
/// Runs shared through git at team scale: a bare repository as the remote, two clones. Saves N runs with 1,000 metric
/// points each in one clone, pushes them, pulls them into the other (issue target: 1,000 new runs under 10 s); then
/// saves one more run on top of the N (what every finished run costs when sharing is automatic) and lists the ref.
/// </summary>
internal static class ShareBenchmark
{
    public static void Run(int runs)
    {
        var root = Path.Combine(Path.GetTempPath(), "repro-bench-share-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            var remote = Path.Combine(root, "team.git");
            Git(root, "init", "-q", "--bare", "-b", "main", remote);
            var alice = Path.Combine(root, "alice");
            var bob = Path.Combine(root, "bob");
            Git(root, "clone", "-q", remote, alice);
            Git(root, "clone", "-q", remote, bob);

            var folders = new Dictionary<string, string>();
            for (var i = 0; i < runs; i++)
            {
                var id = $"20261128-{i:D6}-bench";
                folders[id] = WriteRun(Path.Combine(alice, ".repro", "runs", id), id, i);
            }

            var store = new RunRefStore(alice);
            var save = Time(() => store.Save(folders, "bench"));
            var push = Time(() => store.Push("origin"));
            SyncResult? pulled = null;
            var pull = Time(() => pulled = new RunRefStore(bob).Pull("origin"));
            var one = $"20261128-{runs:D6}-bench";
            var saveOne = Time(() => store.Save(new Dictionary<string, string> { [one] = WriteRun(Path.Combine(alice, ".repro", "runs", one), one, runs) }, "one more"));
            var pushOne = Time(() => store.Push("origin"));
            IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? listed = null;
            var list = Time(() => listed = new RunRefStore(bob).List(RunRefStore.LocalRef));

            Console.WriteLine($"Runs shared through git: {runs:N0} runs of 1,000 metric points each (about {new FileInfo(Path.Combine(folders.Values.First(), "metrics.jsonl")).Length / 1024} KiB of metrics per run)");
            Console.WriteLine($"{"step",-48} {"ms",10}");
            Console.WriteLine($"{$"save {runs:N0} runs on the local ref",-48} {save,10:F0}");
            Console.WriteLine($"{"push them",-48} {push,10:F0}");
            Console.WriteLine($"{$"pull them into another clone ({pulled!.NewRuns:N0} new)",-48} {pull,10:F0}");
            Console.WriteLine($"{$"save one more run on top of {runs:N0}",-48} {saveOne,10:F0}");
            Console.WriteLine($"{"push it",-48} {pushOne,10:F0}");
            Console.WriteLine($"{$"list the ref ({listed!.Count:N0} runs)",-48} {list,10:F0}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string WriteRun(string folder, string id, int seed)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "run.json"), $"{{\"id\":\"{id}\",\"status\":\"finished\",\"params\":{{\"learningRate\":{0.001 * (seed % 10 + 1)}}}}}\n");
        var random = new Random(seed);
        File.WriteAllLines(Path.Combine(folder, "metrics.jsonl"), Enumerable.Range(0, 1000).Select(step =>
            string.Create(CultureInfo.InvariantCulture, $"{{\"key\":\"loss\",\"value\":{random.NextDouble():R},\"step\":{step},\"time\":\"2026-11-28T07:00:00.000Z\"}}")));
        return folder;
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
    }
}
