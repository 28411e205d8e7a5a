namespace Repro.Build.Data;

/// <summary>One <c>ReproData</c> item: what was written, where it is, and the group it aggregates into.</summary>
public sealed class DataDeclaration
{
    public DataDeclaration(string itemSpec, string fullPath, string? group)
    {
        ItemSpec = itemSpec;
        FullPath = fullPath;
        Group = string.IsNullOrWhiteSpace(group) ? null : group!.Trim();
    }

    public string ItemSpec { get; }

    public string FullPath { get; }

    public string? Group { get; }
}
