namespace Repro.Tool.Services;

/// <summary>What became of one data item of the run in the new work tree.</summary>
public sealed class DataPlacement
{
    public DataPlacement(string name, string? recordedSha256, string? foundSha256, string source, string? note = null)
    {
        Name = name;
        RecordedSha256 = recordedSha256;
        FoundSha256 = foundSha256;
        Source = source;
        Note = note;
    }

    /// <summary>The item's name, relative to the project folder.</summary>
    public string Name { get; }

    /// <summary>The hash the run read; null when the run did not check its data.</summary>
    public string? RecordedSha256 { get; }

    /// <summary>The hash of what is now in the new work tree; null when nothing is.</summary>
    public string? FoundSha256 { get; }

    /// <summary>Where it came from: <c>commit</c> (in the sources), <c>work tree</c> (copied, verified), <c>none</c>.</summary>
    public string Source { get; }

    /// <summary>Why it is not the recorded data, or how it was found.</summary>
    public string? Note { get; }

    public bool Matches => RecordedSha256 is null || string.Equals(RecordedSha256, FoundSha256, StringComparison.Ordinal);

    public bool Missing => FoundSha256 is null && RecordedSha256 is not null;
}
