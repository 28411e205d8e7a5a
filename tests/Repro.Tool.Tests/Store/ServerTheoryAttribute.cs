using System;

namespace Repro.Tool.Tests.Store;

/// <summary>A theory against the real servers (<see cref="StoreServers.SkipReason"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServerTheoryAttribute : TheoryAttribute
{
    public ServerTheoryAttribute()
    {
        Skip = StoreServers.SkipReason();
    }
}
