namespace chapter04.Common
{
    public class Constants
    {
        public const string MODEL_FILENAME = "chapter4.mdl";
    }
}