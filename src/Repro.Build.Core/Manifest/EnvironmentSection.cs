namespace Repro.Build.Manifest;

public sealed class EnvironmentSection
{
    /// <summary>The operating system as the runtime describes it, for example "Debian GNU/Linux 12 (bookworm)" or "Microsoft Windows 10.0.22631".</summary>
    public string? Os { get; set; }
}
