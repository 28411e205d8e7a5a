using Microsoft.ML.Data;

namespace MachineFailure;

public sealed class FailurePrediction
{
    [ColumnName("PredictedLabel")]
    public bool WillFail { get; set; }

    public float Probability { get; set; }
}
