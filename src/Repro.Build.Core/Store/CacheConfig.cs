namespace Repro.Build.Store;

/// <summary>The <c>cache</c> section: where the cache is and how it places files.</summary>
public sealed class CacheConfig
{
    /// <summary>How objects are placed into the work tree, DVC's names: <c>reflink,copy</c> (default), <c>copy</c>, <c>hardlink</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The cache folder (relative to the work tree's root); <c>REPRO_CACHE_DIR</c> wins over it.</summary>
    public string? Dir { get; set; }
}
