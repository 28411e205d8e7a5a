namespace Repro.Tool.Services;

/// <summary>A metric's last value in two runs and the change.</summary>
public sealed class MetricDelta
{
    public MetricDelta(string name, double? before, double? after)
    {
        Name = name;
        Before = before;
        After = after;
    }

    public string Name { get; }

    public double? Before { get; }

    public double? After { get; }

    public double? Delta => Before is { } b && After is { } a ? a - b : null;
}
