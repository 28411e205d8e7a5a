namespace NullValues
{
    internal class MissingData : HousingData
    {
        public bool[] MissingValues { get; set; }
    }
}