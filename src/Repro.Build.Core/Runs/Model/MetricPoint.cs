namespace Repro.Build.Runs;

/// <summary>One point of a metric series: a line of the metrics file.</summary>
public readonly struct MetricPoint
{
    public MetricPoint(string key, double value, long step, long timestamp)
    {
        Key = key;
        Value = value;
        Step = step;
        Timestamp = timestamp;
    }

    public string Key { get; }

    public double Value { get; }

    public long Step { get; }

    /// <summary>Milliseconds since the Unix epoch (UTC), as MLflow records metric times.</summary>
    public long Timestamp { get; }
}
