namespace Repro.Runs.Records;

/// <summary>A data item of a <see cref="RunSummary"/>: <see cref="RunDataEntry"/>'s name and state, so that a listing marks runs whose data changed.</summary>
public sealed class RunSummaryData
{
    /// <summary>The data entry's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Whether the data matched the build (a <see cref="RunDataState"/> value).</summary>
    public string State { get; set; } = "";
}
