namespace Repro.Build.Store;

/// <summary>The <c>cache</c> section: where the cache is and how it places files.</summary>
public sealed class CacheConfig
{
    /// <summary>How objects are placed into the work tree, DVC's names: <c>reflink,copy</c> (default), <c>copy</c>, <c>hardlink</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The cache folder (relative to the work tree's root); <c>REPRO_CACHE_DIR</c> wins over it.</summary>
    public string? Dir { get; set; }

    /// <summary>Whether the files a run logs as outputs go into the cache as they are hashed (default <c>true</c>).</summary>
    public bool? Outputs { get; set; }

    /// <summary>
    /// The largest total of declared data a run puts into the cache by itself when it starts (<c>"256MB"</c> by default;
    /// units B, KB, MB, GB, TB of 1024; <c>"0"</c> never). Larger data goes in with <c>data push</c>.
    /// </summary>
    public string? RunData { get; set; }
}
