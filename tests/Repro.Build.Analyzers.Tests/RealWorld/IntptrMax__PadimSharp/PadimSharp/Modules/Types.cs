namespace PadimSharp.Modules
{
    public enum BackboneType
    {
        ResNet18,
        WideResNet50_2,
    }
}
