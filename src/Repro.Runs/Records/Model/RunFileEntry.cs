namespace Repro.Runs.Records;

/// <summary>A file or folder a run or step read or produced, hashed when it was logged.</summary>
public sealed class RunFileEntry
{
    /// <summary>Relative to the project folder with '/' when inside it or the repository; as logged otherwise. A folder ends in '/'.</summary>
    public string Path { get; set; } = "";

    /// <summary>A file's SHA-256; for a folder, SHA-256 over the lines <c>path NUL sha256 LF</c> (as the manifest's data). Null when missing.</summary>
    public string? Sha256 { get; set; }

    /// <summary>
    /// For a file, a hash of what it holds: for a zip-based file (an ML.NET model, a PyTorch <c>.pt</c>, a <c>.keras</c>)
    /// the SHA-256 over its sorted entries' names and hashes, which leaves out the container's times and order; for any
    /// other file its SHA-256. Null for a folder, a missing file, and records written before this key existed.
    /// </summary>
    public string? ContentSha256 { get; set; }

    /// <summary>The number of files, for a folder.</summary>
    public int FileCount { get; set; }

    /// <summary>The size in bytes (the sum of its files for a folder).</summary>
    public long Size { get; set; }

    /// <summary>When logged: ISO 8601 UTC.</summary>
    public string Time { get; set; } = "";

    /// <summary>Lineage: the step that logged this path as an output with the same hash (for inputs), else null.</summary>
    public string? ProducedBy { get; set; }
}
