using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>
/// Where <c>reproduce</c> finds a run's data for the new work tree. The one seam through which data arrives: today the
/// user's own work tree (<see cref="WorkTreeDataSource"/>); the store plugs in here (the cache and remotes, by hash).
/// </summary>
public interface IRunDataSource
{
    /// <summary>A short name for reports: <c>work tree</c>, <c>store</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Puts <paramref name="item"/> at <paramref name="target"/> (a file, or a folder when the item is one) when this source
    /// has it with the hash <paramref name="sha256"/>, and says what it did.
    /// </summary>
    DataPlacement Place(RunDataEntry item, string sha256, string target);
}
