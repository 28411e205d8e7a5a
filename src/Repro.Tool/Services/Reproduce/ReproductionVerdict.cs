namespace Repro.Tool.Services;

/// <summary>What <c>dotnet repro reproduce</c> concludes once it has run the training again.</summary>
public enum ReproductionVerdict
{
    /// <summary>Every metric point has the recorded bits, every output the recorded content, the data the recorded hashes. Exit code 0.</summary>
    BitIdentical,

    /// <summary>Some metric points differ, each within its tolerance; outputs and data as recorded. Exit code 0.</summary>
    WithinTolerance,

    /// <summary>A difference beyond tolerance: data, status, parameter, metric or output. Exit code 1.</summary>
    NotReproduced,
}
