using System.Collections.Generic;

namespace Repro.Runs.Autolog;

/// <summary>What autologging counts per run: trainers of the same name, evaluations per task, scheduler steps.</summary>
internal sealed class AutologState
{
    private readonly Dictionary<string, long> _counts = new(System.StringComparer.Ordinal);
    private bool _failed;

    /// <summary>How many times <paramref name="key"/> was counted before this call.</summary>
    public long Next(string key)
    {
        lock (_counts)
        {
            _counts.TryGetValue(key, out var count);
            _counts[key] = count + 1;
            return count;
        }
    }

    /// <summary>True the first time only.</summary>
    public bool FirstFailure()
    {
        lock (_counts)
        {
            var first = !_failed;
            _failed = true;
            return first;
        }
    }
}
