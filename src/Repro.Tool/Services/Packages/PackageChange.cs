namespace Repro.Tool.Services;

/// <summary>A package added, removed or changed between two manifests.</summary>
public sealed class PackageChange
{
    public PackageChange(string id, KeyChangeKind kind, string? before, string? after)
    {
        Id = id;
        Kind = kind;
        Before = before;
        After = after;
    }

    public string Id { get; }

    public KeyChangeKind Kind { get; }

    /// <summary>The version before (null when added).</summary>
    public string? Before { get; }

    /// <summary>The version after (null when removed); for a package whose content hash alone changed, the same version.</summary>
    public string? After { get; }
}
