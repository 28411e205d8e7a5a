namespace Repro.Tool.Services;

/// <summary>One thing <c>verify</c> compared: what was recorded and what the checkout has today.</summary>
public sealed class VerifyCheck
{
    public VerifyCheck(string area, string item, bool ok, string? recorded, string? current, string? note = null)
    {
        Area = area;
        Item = item;
        Ok = ok;
        Recorded = recorded;
        Current = current;
        Note = note;
    }

    /// <summary><c>git</c>, <c>sources</c>, <c>data</c>, <c>config</c>, <c>toolchain</c>, <c>global.json</c>, <c>packages</c>.</summary>
    public string Area { get; }

    public string Item { get; }

    public bool Ok { get; }

    public string? Recorded { get; }

    public string? Current { get; }

    /// <summary>What to do about a mismatch, or why a check could not be made.</summary>
    public string? Note { get; }
}
