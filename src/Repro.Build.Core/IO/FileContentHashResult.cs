namespace Repro.Build.IO;

/// <summary>What <see cref="FileContentHash.Compute"/> found: the content hash, the file's own hash, and how the first was made.</summary>
public sealed class FileContentHashResult
{
    /// <summary>Creates a result.</summary>
    public FileContentHashResult(string sha256, string fileSha256, bool isArchive, string? note)
    {
        Sha256 = sha256;
        FileSha256 = fileSha256;
        IsArchive = isArchive;
        Note = note;
    }

    /// <summary>The content hash: over the archive's entries, or the file's SHA-256.</summary>
    public string Sha256 { get; }

    /// <summary>The file's SHA-256.</summary>
    public string FileSha256 { get; }

    /// <summary>True when <see cref="Sha256"/> was made from a zip archive's entries.</summary>
    public bool IsArchive { get; }

    /// <summary>Why a file that starts as a zip was hashed as a file (unreadable, past a bound), else null.</summary>
    public string? Note { get; }
}
