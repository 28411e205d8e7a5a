using Microsoft.ML.Data;

namespace DeepNeuralNetworkUpdate
{
    public class ImageData
    {
        public string ImagePath { get; set; }

        public string Label { get; set; }
    }
}
