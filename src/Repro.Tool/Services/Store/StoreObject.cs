namespace Repro.Tool.Services;

/// <summary>An object to transfer: its hash, its size as recorded, and the work-tree file it is (for messages).</summary>
internal sealed record StoreObject(string Sha256, long Size, string Path);
