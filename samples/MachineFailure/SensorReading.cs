using Microsoft.ML.Data;

namespace MachineFailure;

/// <summary>One hour of a machine's sensor readings, and whether it failed in the hour after.</summary>
public sealed class SensorReading
{
    [LoadColumn(0)]
    public float Temperature { get; set; }

    [LoadColumn(1)]
    public float Vibration { get; set; }

    [LoadColumn(2)]
    public float Pressure { get; set; }

    [LoadColumn(3)]
    public float AgeYears { get; set; }

    [LoadColumn(4)]
    [ColumnName("Label")]
    public bool Failed { get; set; }
}
