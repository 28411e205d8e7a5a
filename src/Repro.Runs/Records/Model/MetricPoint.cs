namespace Repro.Runs.Records;

/// <summary>One point of a metric series: a line of the metrics file.</summary>
public readonly struct MetricPoint
{
    /// <summary>A value of a metric at a step and a time.</summary>
    public MetricPoint(string key, double value, long step, long timestamp)
    {
        Key = key;
        Value = value;
        Step = step;
        Timestamp = timestamp;
    }

    /// <summary>The metric's name.</summary>
    public string Key { get; }

    /// <summary>The value logged.</summary>
    public double Value { get; }

    /// <summary>The step (epoch, iteration) the value belongs to.</summary>
    public long Step { get; }

    /// <summary>Milliseconds since the Unix epoch (UTC), as MLflow records metric times.</summary>
    public long Timestamp { get; }
}
