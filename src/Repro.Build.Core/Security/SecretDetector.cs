using System;
using System.IO;
using System.Text.RegularExpressions;

namespace Repro.Build.Security;

/// <summary>Recognizes files that hold secrets by their name, and credentials by their well-known shapes.</summary>
public static class SecretDetector
{
    private static readonly string[] SecretFileNames =
    {
        ".env", ".netrc", "_netrc", ".npmrc", ".pypirc", ".git-credentials", ".pgpass", "credentials", "credentials.json",
        "secrets.json", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519",
    };

    private static readonly string[] SecretExtensions =
    {
        ".pfx", ".p12", ".key", ".pem", ".snk", ".jks", ".keystore", ".kdbx", ".ppk",
    };

    // Shapes of credentials that are distinctive enough to find in free text without false alarms.
    private static readonly Regex TokenPattern = new(
        string.Join("|",
            @"gh[pousr]_[A-Za-z0-9]{36,}",                   // GitHub tokens
            @"github_pat_[A-Za-z0-9_]{40,}",                 // GitHub fine-grained tokens
            @"glpat-[A-Za-z0-9_\-]{20,}",                    // GitLab personal access tokens
            @"(?:AKIA|ASIA)[0-9A-Z]{16}",                    // AWS access key ids
            @"xox[abposr]-[A-Za-z0-9-]{10,}",                // Slack tokens
            @"hf_[A-Za-z0-9]{30,}",                          // Hugging Face tokens
            @"AIza[0-9A-Za-z_\-]{35}",                       // Google API keys
            @"npm_[A-Za-z0-9]{36}",                          // npm tokens
            @"sk-(?:proj-)?[A-Za-z0-9_\-]{32,}",             // OpenAI-style secret keys
            @"-----BEGIN [A-Z ]*PRIVATE KEY-----"),          // PEM private keys
        RegexOptions.CultureInvariant);

    /// <summary>True for files whose name says they hold credentials: <c>.env</c>, <c>*.pfx</c>, <c>id_rsa</c>, …</summary>
    public static bool IsSecretFileName(string path)
    {
        var normalized = path.Replace('\\', '/');
        var name = normalized.Substring(normalized.LastIndexOf('/') + 1);
        foreach (var secret in SecretFileNames)
        {
            if (string.Equals(name, secret, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var extension = Path.GetExtension(name);
        foreach (var secret in SecretExtensions)
        {
            if (string.Equals(extension, secret, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the text holds something shaped like a credential (a GitHub token, an AWS key, a private key…).</summary>
    public static bool ContainsToken(string text) => TokenPattern.IsMatch(text);

    /// <summary>Replaces every token-shaped substring with <paramref name="replacement"/>.</summary>
    public static string RedactTokens(string text, string replacement) => TokenPattern.Replace(text, replacement);
}
