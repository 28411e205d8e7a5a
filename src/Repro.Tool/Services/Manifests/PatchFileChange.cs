namespace Repro.Tool.Services;

/// <summary>One file whose uncommitted changes differ between two patches, with the changed lines each side alone has.</summary>
public sealed class PatchFileChange
{
    public PatchFileChange(string path, KeyChangeKind kind, IReadOnlyList<string> onlyBefore, IReadOnlyList<string> onlyAfter)
    {
        Path = path;
        Kind = kind;
        OnlyBefore = onlyBefore;
        OnlyAfter = onlyAfter;
    }

    public string Path { get; }

    /// <summary>Added: only the second patch changes the file; Removed: only the first; Changed: both, differently.</summary>
    public KeyChangeKind Kind { get; }

    /// <summary>Lines of the first patch's hunks (with their +/- sign) that the second lacks.</summary>
    public IReadOnlyList<string> OnlyBefore { get; }

    public IReadOnlyList<string> OnlyAfter { get; }
}
