namespace Repro.Runs.Records;

/// <summary>What run.json says about one metric key; every point is in the metrics file.</summary>
public sealed class MetricSummary
{
    /// <summary>The value of the point logged last.</summary>
    public double Last { get; set; }

    /// <summary>The step of the point logged last.</summary>
    public long Step { get; set; }

    /// <summary>The smallest value logged.</summary>
    public double Min { get; set; }

    /// <summary>The largest value logged.</summary>
    public double Max { get; set; }

    /// <summary>The number of points written.</summary>
    public long Count { get; set; }
}
