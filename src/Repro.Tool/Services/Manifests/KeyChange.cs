namespace Repro.Tool.Services;

/// <summary>One key of a diff: its value on each side.</summary>
public sealed class KeyChange
{
    public KeyChange(string path, string section, KeyChangeKind kind, string? before, string? after, bool inFingerprint, bool isElement)
    {
        Path = path;
        Section = section;
        Kind = kind;
        Before = before;
        After = after;
        InFingerprint = inFingerprint;
        IsElement = isElement;
    }

    public string Path { get; }

    public string Section { get; }

    public KeyChangeKind Kind { get; }

    public string? Before { get; }

    public string? After { get; }

    public bool InFingerprint { get; }

    /// <summary>A whole list element (a package, a data file) that one side lacks.</summary>
    public bool IsElement { get; }
}
