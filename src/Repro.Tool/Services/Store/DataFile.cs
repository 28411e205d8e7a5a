namespace Repro.Tool.Services;

/// <summary>A data file a manifest lists: its path as recorded, where it is in this work tree, its hash and size.</summary>
internal sealed record DataFile(string Path, string FullPath, string Sha256, long Size)
{
    public StoreObject Object => new(Sha256, Size, Path);
}
