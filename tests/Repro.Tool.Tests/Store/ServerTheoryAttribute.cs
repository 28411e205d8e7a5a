using System;

namespace Repro.Tool.Tests.Store;

/// <summary>A theory against the real servers: skipped without node locally, run (and failing) on CI; see <see cref="ServerFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServerTheoryAttribute : TheoryAttribute
{
    public ServerTheoryAttribute()
    {
        if (StoreServers.Unavailable() is { } reason && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = reason;
        }
    }
}
