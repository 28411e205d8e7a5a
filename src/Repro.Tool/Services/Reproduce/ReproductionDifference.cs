namespace Repro.Tool.Services;

/// <summary>One way the reproduction differs from the recorded run.</summary>
public sealed class ReproductionDifference
{
    public ReproductionDifference(string kind, string name, string? recorded, string? reproduced, string text, double deviation = double.PositiveInfinity,
        long? step = null)
    {
        Kind = kind;
        Name = name;
        Recorded = recorded;
        Reproduced = reproduced;
        Text = text;
        Deviation = deviation;
        Step = step;
    }

    /// <summary><c>data</c>, <c>status</c>, <c>param</c>, <c>metric</c> or <c>output</c>.</summary>
    public string Kind { get; }

    /// <summary>The data item, parameter, metric or output path.</summary>
    public string Name { get; }

    public string? Recorded { get; }

    public string? Reproduced { get; }

    /// <summary>The difference in a sentence, as the verdict names it.</summary>
    public string Text { get; }

    /// <summary>For a metric: the relative deviation (<see cref="MetricTolerance.Deviation"/>); infinity when not numeric.</summary>
    public double Deviation { get; }

    /// <summary>For a metric: the step of the point.</summary>
    public long? Step { get; }
}
