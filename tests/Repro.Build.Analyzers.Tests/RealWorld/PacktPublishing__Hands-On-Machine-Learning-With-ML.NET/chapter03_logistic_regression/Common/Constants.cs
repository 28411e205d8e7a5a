namespace chapter03_logistic_regression.Common
{
    public class Constants
    {
        public const string MODEL_FILENAME = "chapter3.mdl";

        public const string SAMPLE_DATA = "sampledata.csv";
    }
}