namespace Repro.Tool.Services;

/// <summary>One part of the toolchain or machine, as the run recorded it and as it is here.</summary>
public sealed class ToolchainItem
{
    public ToolchainItem(string what, string? recorded, string? now, string? note = null)
    {
        What = what;
        Recorded = recorded;
        Now = now;
        Note = note;
    }

    /// <summary><c>sdk</c>, <c>runtime</c>, <c>os</c>, <c>architecture</c>, <c>cpu</c>, <c>logical cores</c>, <c>gpus</c>, <c>cuda driver</c>.</summary>
    public string What { get; }

    public string? Recorded { get; }

    public string? Now { get; }

    public string? Note { get; }

    /// <summary>Differs when the run recorded a value and this machine has another (not recorded: nothing to compare).</summary>
    public bool Differs => Recorded is not null && !string.Equals(Recorded, Now, StringComparison.Ordinal);
}
