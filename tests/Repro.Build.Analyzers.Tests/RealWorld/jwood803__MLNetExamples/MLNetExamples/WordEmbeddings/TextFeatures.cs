namespace WordEmbeddings
{
    public class TextFeatures
    {
        public float[] Features { get; set; }
    }
}
