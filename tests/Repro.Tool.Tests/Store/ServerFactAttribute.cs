using System;

namespace Repro.Tool.Tests.Store;

/// <summary>
/// A test against the real servers: skipped, with the reason, on a machine without node; on CI (<c>CI=true</c>) it runs
/// and fails with the fixture's message instead, so that a CI machine without node cannot pass by skipping.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServerFactAttribute : FactAttribute
{
    public ServerFactAttribute()
    {
        if (StoreServers.Unavailable() is { } reason && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = reason;
        }
    }
}
