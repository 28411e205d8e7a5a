namespace chapter02.Common
{
    public class Constants
    {
        public const string MODEL_FILENAME = "chapter2.mdl";
    }
}