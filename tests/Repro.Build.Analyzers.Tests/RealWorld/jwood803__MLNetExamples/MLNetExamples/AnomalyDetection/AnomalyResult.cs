namespace AnomalyDetection
{
    public class AnomalyResult
    {
        public bool PredictedLabel { get; set; }
        public float Score { get; set; }
    }
}
