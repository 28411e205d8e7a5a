namespace Repro.Tool.Services;

/// <summary>
/// One value of a manifest, named by its path: <c>dependencies.packages[Microsoft.ML].version</c>. List elements are
/// named by their id, name or path rather than their position, so that an inserted package does not shift the rest.
/// </summary>
public sealed class ManifestKey
{
    public ManifestKey(string path, string section, string? value, bool inFingerprint, bool isElement)
    {
        Path = path;
        Section = section;
        Value = value;
        InFingerprint = inFingerprint;
        IsElement = isElement;
    }

    public string Path { get; }

    /// <summary>The top-level key: <c>git</c>, <c>dependencies</c>, <c>data</c>…</summary>
    public string Section { get; }

    /// <summary>The value as text (<c>null</c> for JSON null); for a list element, what identifies its content (a version, a hash).</summary>
    public string? Value { get; }

    /// <summary>True when the value is an input of the fingerprint (docs/manifest.md, "The fingerprint").</summary>
    public bool InFingerprint { get; }

    /// <summary>True for the entry that stands for a whole list element (its fields follow as keys of their own).</summary>
    public bool IsElement { get; }
}
