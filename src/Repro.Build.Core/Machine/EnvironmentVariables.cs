using System;
using System.Collections;
using System.Collections.Generic;
using Repro.Build.Security;

namespace Repro.Build.Machine;

/// <summary>
/// Picks the environment variables worth recording: a documented allowlist of names that change numeric results or
/// the toolchain, plus the project's own. Secret-looking names and token-shaped values are recorded as "&lt;redacted&gt;".
/// </summary>
public static class EnvironmentVariables
{
    public const string Redacted = SecretDetector.Redacted;

    /// <summary>Exact names and name prefixes (ending in '*') recorded by default.</summary>
    public static readonly IReadOnlyList<string> DefaultAllowlist = new[]
    {
        "DOTNET_*", "COMPlus_*", "NUGET_PACKAGES",
        "OMP_*", "KMP_*", "MKL_*", "OPENBLAS_*", "GOTO_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "BLIS_NUM_THREADS",
        "CUDA_*", "CUDNN_*", "CUBLAS_*", "NCCL_*", "NVIDIA_VISIBLE_DEVICES", "TORCH_*", "TORCHSHARP_*", "PYTHONHASHSEED",
        "TF_DETERMINISTIC_OPS", "TF_CUDNN_DETERMINISTIC", "TF_ENABLE_ONEDNN_OPTS", "TF_NUM_INTEROP_THREADS", "TF_NUM_INTRAOP_THREADS",
        "LANG", "LC_ALL", "LC_NUMERIC", "TZ",
    };

    /// <summary>The recorded variables (both writers put them in ordinal order of their names: the manifest's projection sorts them, the run record's
    /// serializer uses <see cref="IO.OrdinalMap"/>).</summary>
    public static Dictionary<string, string> Select(IDictionary variables, IEnumerable<string> extraNames)
    {
        var patterns = new List<string>(DefaultAllowlist);
        patterns.AddRange(extraNames);
        var selected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in variables)
        {
            var name = entry.Key as string;
            var value = entry.Value as string;
            if (name is null || value is null || !Matches(name, patterns))
            {
                continue;
            }

            selected[name] = IsSecretName(name) ? Redacted : SecretDetector.RedactInline(value);
        }

        return selected;
    }

    /// <summary>Secret-named variables (tokens, passwords, keys) are recorded as <see cref="Redacted"/>.</summary>
    public static bool IsSecretName(string name) => SecretDetector.IsSecretName(name);

    private static bool Matches(string name, List<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            var comparison = StringComparison.OrdinalIgnoreCase;
            if (pattern.EndsWith("*", StringComparison.Ordinal)
                ? name.StartsWith(pattern.Substring(0, pattern.Length - 1), comparison)
                : string.Equals(name, pattern, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
