namespace Repro.Build.Manifest;

public sealed class PackageEntry
{
    public string Id { get; set; } = "";

    public string Version { get; set; } = "";
}
