namespace Repro.Build.Manifest;

public sealed class ProjectSection
{
    public string? Name { get; set; }

    public string? TargetFramework { get; set; }

    public string? Configuration { get; set; }
}
