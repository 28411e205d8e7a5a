namespace Repro.Build.Manifest;

public sealed class CiRunSection
{
    public string Provider { get; set; } = "";

    public string? RunId { get; set; }

    /// <summary>The run's web page, without credentials.</summary>
    public string? Url { get; set; }
}
