namespace Repro.Tool;

/// <summary>The exit codes every command documents (docs/cli.md): scripts branch on them.</summary>
public static class ExitCodes
{
    /// <summary>Same, verified, written.</summary>
    public const int Ok = 0;

    /// <summary>The inputs differ, or the checkout no longer matches what was recorded.</summary>
    public const int Differs = 1;

    /// <summary>Bad usage or input: an unknown option, a missing or malformed file.</summary>
    public const int InputError = 2;
}
