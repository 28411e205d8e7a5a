using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Repro.Build.Data;
using Repro.Build.Machine;

/// <summary>
/// Data hashing against sha256sum on the same file; the rebuild with a warm hash cache over 10,000 small files; the
/// environment probe.
/// </summary>
internal static class DataBenchmark
{
    public static void Run(int megabytes)
    {
        var root = Path.Combine(Path.GetTempPath(), "repro-bench-data-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            // 1. Throughput on one large file, against sha256sum (OpenSSL-backed coreutils) on the same file, warm cache.
            var big = Path.Combine(root, "big.bin");
            WriteRandomFile(big, (long)megabytes * 1024 * 1024);
            Time(() => RunProcess("sha256sum", big)); // warm the page cache
            var sha256sum = Median(3, () => RunProcess("sha256sum", big));
            var ours = Median(3, () => StreamHasher.Sha256File(big));
            var expected = RunProcess("sha256sum", big).Split(' ')[0];
            if (StreamHasher.Sha256File(big) != expected)
            {
                throw new InvalidOperationException("The hashes differ from sha256sum.");
            }

            var mb = megabytes;
            Console.WriteLine($"{"step",-52} {"ms",9} {"MB/s",8} {"vs baseline",12}");
            Console.WriteLine($"{$"sha256sum, {mb:N0} MiB file (baseline)",-52} {sha256sum,9:F0} {mb / (sha256sum / 1000),8:F0} {1.0,11:F2}x");
            Console.WriteLine($"{$"Repro.Build streamed SHA-256, {mb:N0} MiB file",-52} {ours,9:F0} {mb / (ours / 1000),8:F0} {sha256sum / ours,11:F2}x throughput");
            File.Delete(big);

            // 2. 10,000 small files: cold (everything hashed) and warm (stat-keyed cache: nothing hashed).
            var dataDirectory = Path.Combine(root, "data");
            for (var i = 0; i < 10_000; i++)
            {
                var folder = Path.Combine(dataDirectory, (i / 500).ToString("D2", CultureInfo.InvariantCulture));
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, $"sample{i:D5}.csv"), $"id,value\n{i},{i * 0.5}\n");
            }

            var declarations = new[] { new DataDeclaration("data/", dataDirectory, null) };
            var cachePath = Path.Combine(root, "obj", "repro-hashes.json");
            var cold = Time(() => HashOnce(root, declarations, cachePath, out _));
            long rehashed = 0;
            var warm = Median(5, () => HashOnce(root, declarations, cachePath, out rehashed));
            Console.WriteLine($"{"10,000 small data files, cold (all hashed)",-52} {cold,9:F0}");
            Console.WriteLine($"{"10,000 small data files, warm cache",-52} {warm,9:F0} {"",8} bytes re-hashed: {rehashed}");

            // 3. The environment probe, as a fresh build process pays it once.
            var probe = Time(() => MachineProbe.Probe(GpuProbe.Run));
            Console.WriteLine($"{"environment probe (OS, CPU, memory, container, GPU)",-52} {probe,9:F1}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void HashOnce(string root, DataDeclaration[] declarations, string cachePath, out long bytesHashed)
    {
        var cache = FileHashCache.Load(cachePath);
        var progress = new HashProgress();
        DataHasher.Hash(root, declarations, cache, progress, [], strict: false);
        cache.Save(cachePath);
        bytesHashed = progress.BytesDone;
    }

    private static void WriteRandomFile(string path, long length)
    {
        var random = new Random(1);
        var buffer = new byte[1 << 20];
        using var stream = File.Create(path);
        for (long written = 0; written < length; written += buffer.Length)
        {
            random.NextBytes(buffer);
            stream.Write(buffer, 0, (int)Math.Min(buffer.Length, length - written));
        }
    }

    private static string RunProcess(string fileName, string argument)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true };
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Time<T>(Func<T> action) => Time(() => { action(); });

    private static double Median(int runs, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(Time(action));
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static double Median<T>(int runs, Func<T> action) => Median(runs, () => { action(); });
}
