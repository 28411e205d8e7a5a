namespace Repro.Build.Runs;

/// <summary>A data item of a <see cref="RunSummary"/>: <see cref="RunDataEntry"/>'s name and state, so that a listing marks runs whose data changed.</summary>
public sealed class RunSummaryData
{
    public string Name { get; set; } = "";

    public string State { get; set; } = "";
}
