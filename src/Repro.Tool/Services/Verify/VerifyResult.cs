using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>The checks of one manifest against today's checkout.</summary>
public sealed class VerifyResult
{
    public VerifyResult(LoadedManifest manifest, string projectDirectory, IReadOnlyList<VerifyCheck> checks)
    {
        Manifest = manifest;
        ProjectDirectory = projectDirectory;
        Checks = checks;
    }

    public LoadedManifest Manifest { get; }

    public string ProjectDirectory { get; }

    public IReadOnlyList<VerifyCheck> Checks { get; }

    public bool Ok => Checks.All(c => c.Ok);
}
