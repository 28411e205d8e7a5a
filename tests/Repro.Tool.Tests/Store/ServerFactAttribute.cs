using System;

namespace Repro.Tool.Tests.Store;

/// <summary>A test against the real servers (<see cref="StoreServers.SkipReason"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServerFactAttribute : FactAttribute
{
    public ServerFactAttribute()
    {
        Skip = StoreServers.SkipReason();
    }
}
