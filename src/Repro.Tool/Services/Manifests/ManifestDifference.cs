namespace Repro.Tool.Services;

/// <summary>What differs between two manifests (<c>dotnet repro diff</c>).</summary>
public sealed class ManifestDifference
{
    public ManifestDifference(string? fingerprintBefore, string? fingerprintAfter, bool embeddedOnly, IReadOnlyList<KeyChange> keys,
        IReadOnlyList<PackageChange> packages)
    {
        FingerprintBefore = fingerprintBefore;
        FingerprintAfter = fingerprintAfter;
        EmbeddedOnly = embeddedOnly;
        Keys = keys;
        Packages = packages;
    }

    public string? FingerprintBefore { get; }

    public string? FingerprintAfter { get; }

    /// <summary>True when one side came from an assembly: only the embedded fields were compared.</summary>
    public bool EmbeddedOnly { get; }

    /// <summary>Every key of either side, in manifest order (unchanged ones included).</summary>
    public IReadOnlyList<KeyChange> Keys { get; }

    public IReadOnlyList<PackageChange> Packages { get; }

    public IEnumerable<KeyChange> Changed => Keys.Where(k => k.Kind != KeyChangeKind.Unchanged);

    public bool AreSame => !Changed.Any();

    /// <summary>The sections with a changed input of the fingerprint, in manifest order: why the fingerprints differ.</summary>
    public IReadOnlyList<string> FingerprintInputsChanged =>
        Changed.Where(k => k.InFingerprint && k.Path != "fingerprint").Select(k => k.Section).Distinct().ToList();
}
