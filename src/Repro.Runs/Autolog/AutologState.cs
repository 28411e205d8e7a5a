using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Repro.Runs.Autolog;

/// <summary>What autologging counts per run: trainers of the same name, evaluations per task, scheduler steps.</summary>
internal sealed class AutologState
{
    private readonly Dictionary<string, long> _counts = new(System.StringComparer.Ordinal);
#pragma warning disable IDE0028 // a collection expression does not build a ConditionalWeakTable on netstandard2.0
    private readonly ConditionalWeakTable<object, object> _contexts = new();
#pragma warning restore IDE0028
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

    /// <summary>True the first time an ML.NET context is met in the run. Held weakly: the run does not keep a context alive.</summary>
    public bool FirstUse(object context)
    {
        lock (_counts)
        {
            if (_contexts.TryGetValue(context, out _))
            {
                return false;
            }

            _contexts.Add(context, context);
            return true;
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
