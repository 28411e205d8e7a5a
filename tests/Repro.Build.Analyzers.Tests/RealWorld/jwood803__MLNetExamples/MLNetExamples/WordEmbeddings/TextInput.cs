namespace WordEmbeddings
{
    public class TextInput
    {
        public string Text { get; set; }
    }
}
