namespace Repro.Tool.Output;

/// <summary>How a terminal colours a row; plain text ignores it (the words already say it).</summary>
public enum Tone
{
    Normal,
    Good,
    Bad,
    Added,
    Removed,
    Dim,
}
