namespace Repro.Build.Store;

/// <summary>
/// How a cached object is put into the work tree, by DVC's names (<c>cache.type</c>). A reflink and a copy are
/// independent of the cache (an edit in place changes only the work-tree file); a hard link shares the object's
/// bytes, so it is used only when the user asks for it (the object is read-only, so an edit in place fails instead of
/// corrupting the cache). Symbolic links are not offered.
/// </summary>
public enum CacheLinkType
{
    /// <summary>A copy-on-write clone (<c>ioctl(FICLONE)</c> on Btrfs, XFS, bcachefs; <c>clonefile</c> on APFS): instant, no extra space.</summary>
    Reflink,

    /// <summary>A plain copy, verified as it is written.</summary>
    Copy,

    /// <summary>A hard link to the read-only object: no extra space, but the work-tree file is read-only.</summary>
    Hardlink,
}
