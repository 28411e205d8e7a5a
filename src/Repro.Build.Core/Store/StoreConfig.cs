using System;
using System.Collections.Generic;

namespace Repro.Build.Store;

/// <summary>
/// One store configuration file, <c>.repro/config.json</c> (committed: the team's remotes) or
/// <c>.repro/config.local.json</c> (this machine's: it wins key by key). No key may hold a credential: credentials come
/// from each SDK's own chain (docs/store.md).
/// </summary>
public sealed class StoreConfig
{
    /// <summary>The remote that <c>data push</c> and <c>data pull</c> use when none is named.</summary>
    public string? DefaultRemote { get; set; }

    public SortedDictionary<string, RemoteConfig> Remotes { get; set; } = new(StringComparer.Ordinal);

    public CacheConfig? Cache { get; set; }

    /// <summary>Parallel transfers (default 4).</summary>
    public int? Jobs { get; set; }
}
