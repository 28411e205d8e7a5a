namespace Repro.Runs.Records;

/// <summary>The values of <see cref="RunDataEntry.State"/>.</summary>
public static class RunDataState
{
    /// <summary>The run-time hash equals the build's.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>The content differs from what the build hashed (REPRO401).</summary>
    public const string Changed = "changed";

    /// <summary>The item does not exist at run time (REPRO405).</summary>
    public const string Missing = "missing";

    /// <summary>Not checked: outside the repository at build time, or a group without the build's file list (REPRO405).</summary>
    public const string Unchecked = "unchecked";
}
