namespace chapter06.Common
{
    public class Constants
    {
        public const string MODEL_FILENAME = "chapter6.mdl";

        public const string SAMPLE_DATA = "sampledata.csv";

        public const string TEST_DATA = "testdata.csv";
    }
}