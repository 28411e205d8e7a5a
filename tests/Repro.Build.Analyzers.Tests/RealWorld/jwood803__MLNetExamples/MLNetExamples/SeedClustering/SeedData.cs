namespace SeedClustering
{
    public class SeedData
    {
        public float A;
        public float P;
        public float C;
        public float LK;
        public float WK;
        public float A_Coef;
        public float LKG;
        public float Label;
    }
}
