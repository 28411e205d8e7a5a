namespace TimeSeriesForecast
{
    public class EnergyForecast
    {
        public float[] Forecast { get; set; }
    }
}
