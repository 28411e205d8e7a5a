namespace Repro.Tool.Services;

/// <summary>A data file in the work tree, compared with the hash the manifest recorded.</summary>
internal enum WorkTreeState
{
    Unchanged,
    Changed,
    Missing,
}
