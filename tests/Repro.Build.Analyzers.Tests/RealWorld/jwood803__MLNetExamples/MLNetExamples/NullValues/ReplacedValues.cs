namespace NullValues
{
    internal class ReplacedValues : HousingData
    {
        public float[] NewValues { get; set; }
    }
}