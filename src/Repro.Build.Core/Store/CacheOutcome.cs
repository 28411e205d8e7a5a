namespace Repro.Build.Store;

/// <summary>What adding an object to the cache, or placing one from it, came to.</summary>
public enum CacheOutcome
{
    /// <summary>The object was written into the cache.</summary>
    Added,

    /// <summary>The cache already had the object; nothing was written.</summary>
    AlreadyPresent,

    /// <summary>The object was placed at the destination.</summary>
    Placed,

    /// <summary>The source file (adding) or the object (placing) does not exist.</summary>
    Missing,

    /// <summary>
    /// The bytes read do not have the expected hash: a work-tree file changed since it was hashed, a download or a cached
    /// object is damaged. Nothing was written.
    /// </summary>
    HashMismatch,

    /// <summary>The source was longer than the bound it was read with; nothing was written.</summary>
    TooLarge,
}
