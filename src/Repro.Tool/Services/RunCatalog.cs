using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Repro.Build.IO;
using Repro.Build.Runs;

namespace Repro.Tool.Services;

/// <summary>Reads every run record of a runs folder (the local runs and those pulled from the team).</summary>
public static class RunCatalog
{
    /// <summary>The runs of <paramref name="runsDirectory"/>, oldest first; records that cannot be read are counted, not fatal.</summary>
    public static List<RunListing> Load(string runsDirectory, DateTimeOffset now, out int unreadable)
    {
        var ids = RunStore.ListRunIds(runsDirectory);
        var listings = new RunListing?[ids.Count];
        var failures = 0;
        // Records are independent: read them on every core (10,000 runs must list interactively).
        Parallel.For(0, ids.Count, i =>
        {
            var folder = Path.Combine(runsDirectory, ids[i]);
            try
            {
                listings[i] = new RunListing(RunRecordSerializer.ReadFile(Path.Combine(folder, RunRecordSerializer.FileName)), folder, now);
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex) || ex is System.Text.Json.JsonException)
            {
                System.Threading.Interlocked.Increment(ref failures);
            }
        });
        unreadable = failures;
        return listings.OfType<RunListing>().ToList();
    }
}
