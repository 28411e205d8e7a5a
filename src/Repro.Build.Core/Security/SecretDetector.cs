using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Repro.Build.IO;

namespace Repro.Build.Security;

/// <summary>
/// The one place that decides what is a secret, for every text Repro.Build records (inlined configuration files,
/// patches of the working tree, environment variables, and later run records): secret file names, secret-named keys in
/// JSON, INI, YAML, .env and properties files, passwords in connection strings, credentials in URLs, quoted literals
/// assigned to secret-named variables in code, and the shapes of well-known tokens.
/// </summary>
public static partial class SecretDetector
{
    public const string Redacted = "<redacted>";

    private static readonly string[] SecretFileNames =
    {
        ".env", ".netrc", "_netrc", ".npmrc", ".pypirc", ".git-credentials", ".pgpass", "credentials", "credentials.json",
        "secrets.json", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519",
    };

    private static readonly string[] SecretExtensions =
    {
        ".pfx", ".p12", ".key", ".pem", ".snk", ".jks", ".keystore", ".kdbx", ".ppk",
    };

    // Files whose lines are "key = value" or "key: value" data rather than code: a bare value there is a value.
    private static readonly string[] ConfigExtensions =
    {
        ".json", ".jsonc", ".json5", ".yaml", ".yml", ".ini", ".cfg", ".conf", ".config", ".properties", ".toml", ".env",
        ".settings", ".runsettings", ".local", ".user",
    };

    // Anywhere in a key (DB_PASSWORD, clientSecret, ConnectionStrings:Default…).
    private static readonly string[] SecretNameParts = { "PASSWORD", "PASSWD", "SECRET", "CREDENTIAL", "CONNECTIONSTRING", "PRIVATEKEY", "APIKEY",
        "ACCESSKEY" };

    // In code, where "key", "token" and "auth" name many harmless things, only these count.
    private static readonly string[] StrongSecretNameParts = { "PASSWORD", "PASSWD", "SECRET", "CREDENTIAL", "PRIVATEKEY", "APIKEY", "ACCESSKEY", "ACCESSTOKEN",
        "AUTHTOKEN", "BEARERTOKEN", "APITOKEN" };

    // Only as a whole word of the key (PATH, PATTERN, AUTHOR, TOKENIZER and MONKEY are not secrets).
    private static readonly string[] SecretWords = { "PWD", "PAT", "SAS", "TOKEN", "KEY", "AUTH", "PASS" };

    // Shapes of credentials that are distinctive enough to find in free text without false alarms. The last are PEM private
    // keys (a GCP service account's too), with their body to the END line: as text, in a diff ('+' is a base64
    // character) or JSON-escaped ("\n").
    private const string TokenPatternText =
        @"gh[pousr]_[A-Za-z0-9]{36,}"                        // GitHub tokens
        + @"|github_pat_[A-Za-z0-9_]{40,}"                   // GitHub fine-grained tokens
        + @"|glpat-[A-Za-z0-9_\-]{20,}"                      // GitLab personal access tokens
        + @"|(?:AKIA|ASIA)[0-9A-Z]{16}"                      // AWS access key ids
        + @"|xox[abposr]-[A-Za-z0-9-]{10,}"                  // Slack tokens
        + @"|hf_[A-Za-z0-9]{30,}"                            // Hugging Face tokens
        + @"|AIza[0-9A-Za-z_\-]{35}"                         // Google API keys
        + @"|npm_[A-Za-z0-9]{36}"                            // npm tokens
        + @"|sk-(?:proj-)?[A-Za-z0-9_\-]{32,}"               // OpenAI-style secret keys
        + @"|-----BEGIN [A-Z ]*PRIVATE KEY-----(?:[A-Za-z0-9+/=\r\n]|\\[rn])*(?:-----END [A-Z ]*PRIVATE KEY-----)?"; // PEM private keys

    // Secrets whose shape alone is not distinctive, found only beside what makes them so; each runs only after a
    // literal test on the text (see ContainsContextualSecret), so that text without the context costs a few IndexOf.
    // A JSON Web Token: header and payload are base64url JSON ("eyJ" is '{"'). Not in the token pattern: an 'e' among
    // its first characters made that pattern stop at every 'e' of every value; a search for "eyJ" comes first instead.
    private const string JwtText = @"eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}";

    // An AWS secret access key: 40 characters of base64 (a git SHA is hex, so it has no upper case; see IsAwsSecretKeyShape).
    private const string AwsSecretKeyText = @"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])";

    // An Azure storage account key: 64 bytes in base64 (88 characters, "==" at the end). So is a SHA-512 digest in
    // base64 (NuGet's content hashes), hence only beside an Azure storage account name or endpoint.
    private const string AzureStorageKeyText = @"(?<![A-Za-z0-9/+=])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9/+=])";

    // The signature of an Azure shared access signature (a SAS URL or token: sv=…&…&sig=…), only with its sv=.
    private const string SasSignatureText = @"(?<prefix>(?:^|[?&;\s""'])sig=)(?<value>[A-Za-z0-9%+/]{16,}(?:=|%3[Dd]){0,2})";

    // Password=...; / Pwd=... in a connection string: no space before '=' (code assignments have them), and the value
    // ends at ';', a quote or the end of the line.
    private const string ConnectionStringPasswordText =
        @"(?<=^|[;""'\s])(?<key>(?:password|pwd|accountkey|sharedaccesskey))=(?<value>[^;""'\s][^;""'\r\n]*)";

    // scheme://user:password@host
    private const string UrlCredentialsText = @"(?<prefix>\b[A-Za-z][A-Za-z0-9+.\-]*://)(?<userinfo>[^/\s:@""']+:[^/\s@""']+)@";

    // "key": "value" anywhere (JSON, JavaScript, minified or not).
    private const string JsonPairText = @"""(?<key>[^""\\\r\n]{1,128})""\s*:\s*""(?<value>(?:[^""\\\r\n]|\\.)*)""";

    // key = value / key: value lines of INI, YAML, .env and properties files (also with a diff's +/-/space prefix).
    private const string ConfigLineText = @"^(?<prefix>[+\- ]?\s*(?:export\s+)?[""']?(?<key>[A-Za-z0-9_.:\-\[\]]+)[""']?\s*[:=]\s*)(?<value>\S.*?)\s*$";

    // A quoted literal assigned to a secret-named variable, property or argument in code: password = "…", Pwd: '…'.
    private const string QuotedAssignmentText = @"(?<prefix>\b(?<key>[A-Za-z_][A-Za-z0-9_]*)\s*(?:[:=]|=>)\s*@?)(?<quote>[""'])(?<value>[^""'\r\n]+)\k<quote>";

    private const RegexOptions Invariant = RegexOptions.CultureInvariant;
    private const RegexOptions InvariantMultiline = RegexOptions.CultureInvariant | RegexOptions.Multiline;
    private const RegexOptions InvariantIgnoreCaseMultiline = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline;

#if NET7_0_OR_GREATER
    // Generated at compile time: constructing these six patterns at run time cost every build (a new MSBuild process)
    // their parsing and analysis, about 10 ms of CPU.
    [GeneratedRegex(TokenPatternText, Invariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(ConnectionStringPasswordText, InvariantIgnoreCaseMultiline)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(UrlCredentialsText, Invariant)]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(JsonPairText, Invariant)]
    private static partial Regex JsonPair();

    [GeneratedRegex(ConfigLineText, InvariantMultiline)]
    private static partial Regex ConfigLine();

    [GeneratedRegex(QuotedAssignmentText, Invariant)]
    private static partial Regex QuotedAssignment();

    [GeneratedRegex(JwtText, Invariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(AwsSecretKeyText, Invariant)]
    private static partial Regex AwsSecretKey();

    [GeneratedRegex(AzureStorageKeyText, Invariant)]
    private static partial Regex AzureStorageKey();

    [GeneratedRegex(SasSignatureText, Invariant)]
    private static partial Regex SasSignature();
#else
    private static readonly Regex TokenPatternRegex = new(TokenPatternText, Invariant);
    private static readonly Regex ConnectionStringPasswordRegex = new(ConnectionStringPasswordText, InvariantIgnoreCaseMultiline);
    private static readonly Regex UrlCredentialsRegex = new(UrlCredentialsText, Invariant);
    private static readonly Regex JsonPairRegex = new(JsonPairText, Invariant);
    private static readonly Regex ConfigLineRegex = new(ConfigLineText, InvariantMultiline);
    private static readonly Regex QuotedAssignmentRegex = new(QuotedAssignmentText, Invariant);
    private static readonly Regex JwtRegex = new(JwtText, Invariant);
    private static readonly Regex AwsSecretKeyRegex = new(AwsSecretKeyText, Invariant);
    private static readonly Regex AzureStorageKeyRegex = new(AzureStorageKeyText, Invariant);
    private static readonly Regex SasSignatureRegex = new(SasSignatureText, Invariant);

    private static Regex TokenPattern() => TokenPatternRegex;

    private static Regex ConnectionStringPassword() => ConnectionStringPasswordRegex;

    private static Regex UrlCredentials() => UrlCredentialsRegex;

    private static Regex JsonPair() => JsonPairRegex;

    private static Regex ConfigLine() => ConfigLineRegex;

    private static Regex QuotedAssignment() => QuotedAssignmentRegex;

    private static Regex Jwt() => JwtRegex;

    private static Regex AwsSecretKey() => AwsSecretKeyRegex;

    private static Regex AzureStorageKey() => AzureStorageKeyRegex;

    private static Regex SasSignature() => SasSignatureRegex;
#endif

    /// <summary>True for files whose name says they hold credentials: <c>.env</c>, <c>*.pfx</c>, <c>id_rsa</c>, …</summary>
    public static bool IsSecretFileName(string path)
    {
        var name = FileNameOf(path);
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

    /// <summary>True for names of keys, variables and properties that hold secrets: <c>Password</c>, <c>OPENAI_API_KEY</c>, <c>clientSecret</c>.</summary>
    public static bool IsSecretName(string name)
    {
        var squeezed = Squeezed(name);
        foreach (var secret in SecretNameParts)
        {
            if (squeezed.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        foreach (var word in Words(name))
        {
            if (Array.IndexOf(SecretWords, word) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The stricter rule for names in code: <c>password</c>, <c>apiKey</c>, <c>clientSecret</c>, but not <c>key</c> or <c>token</c> alone.</summary>
    public static bool IsStrongSecretName(string name)
    {
        var squeezed = Squeezed(name);
        foreach (var secret in StrongSecretNameParts)
        {
            if (squeezed.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return Array.IndexOf(Words(name), "PWD") >= 0;
    }

    /// <summary>
    /// True when the text holds something shaped like a credential (a GitHub, GitLab, Slack or Hugging Face token, an
    /// AWS access key id, or its secret key beside one, a JWT, a private key, an Azure SAS signature or storage key…).
    /// </summary>
    public static bool ContainsToken(string text) => TokenPattern().IsMatch(text) || ContainsContextualSecret(text);

    /// <summary>Replaces every token-shaped substring with <paramref name="replacement"/>.</summary>
    public static string RedactTokens(string text, string replacement) => TokenPattern().Replace(RedactContextual(text, replacement), replacement);

    /// <summary>True when the text holds an AWS access key id (<c>AKIA</c> or <c>ASIA</c> and 16 upper-case letters or digits).</summary>
    public static bool ContainsAwsAccessKeyId(string text)
    {
        // One search for 'A' (vectorized), not one per prefix: this runs on every value the build records.
        for (var at = text.IndexOf('A'); at >= 0 && at + 20 <= text.Length; at = text.IndexOf('A', at + 1))
        {
            if (string.CompareOrdinal(text, at + 1, "KIA", 0, 3) != 0 && string.CompareOrdinal(text, at + 1, "SIA", 0, 3) != 0)
            {
                continue;
            }

            var shaped = true;
            for (var i = at + 4; i < at + 20 && shaped; i++)
            {
                shaped = (text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= '0' && text[i] <= '9');
            }

            if (shaped)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a value shaped as an AWS secret access key: 40 characters of base64 with upper and lower case (a git
    /// SHA-1, hex, has no upper case). Alone it could be anything; beside an access key id it is the secret.
    /// </summary>
    public static bool IsAwsSecretKeyShape(string value)
    {
        var v = value.Trim();
        return v.Length == 40 && AwsSecretKey().IsMatch(v) && HasUpperAndLower(v);
    }

    /// <summary>
    /// True when <paramref name="text"/> (a file's content, or a diff of it) holds a secret: a token, a password in a
    /// connection string or URL, a secret-named key with a value, or a quoted literal assigned to a secret-named variable.
    /// </summary>
    /// <param name="path">The file's name decides whether bare <c>key = value</c> lines count (configuration files) or only quoted values (code).</param>
    public static bool ContainsSecret(string text, string path)
    {
        if (TokenPattern().IsMatch(text) || UrlCredentials().IsMatch(text) || ContainsContextualSecret(text))
        {
            return true;
        }

        foreach (Match match in ConnectionStringPassword().Matches(text))
        {
            if (IsRealValue(match.Groups["value"].Value))
            {
                return true;
            }
        }

        var isConfig = IsConfigFile(path, text);
        Func<string, bool> isSecretName = isConfig ? IsSecretName : IsStrongSecretName;
        foreach (Match match in JsonPair().Matches(text))
        {
            if (isSecretName(match.Groups["key"].Value) && IsRealValue(match.Groups["value"].Value))
            {
                return true;
            }
        }

        foreach (Match match in QuotedAssignment().Matches(text))
        {
            if (isSecretName(match.Groups["key"].Value) && IsRealValue(match.Groups["value"].Value))
            {
                return true;
            }
        }

        if (isConfig)
        {
            foreach (Match match in ConfigLine().Matches(text))
            {
                if (IsSecretName(match.Groups["key"].Value) && IsRealValue(match.Groups["value"].Value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The text with every secret replaced by <see cref="Redacted"/>: JSON is rewritten with the values of secret-named
    /// keys replaced (whatever the file's extension), other configuration files line by line, and in every file
    /// connection-string passwords, URL credentials and tokens.
    /// </summary>
    public static string Redact(string text, string path)
    {
        if (TryRedactJson(text) is { } json)
        {
            return json;
        }

        var redacted = text;
        var isConfig = IsConfigFile(path, text);
        Func<string, bool> isSecretName = isConfig ? IsSecretName : IsStrongSecretName;
        if (isConfig)
        {
            redacted = ConfigLine().Replace(redacted, m =>
                IsSecretName(m.Groups["key"].Value) && IsRealValue(m.Groups["value"].Value) ? m.Groups["prefix"].Value + Redacted : m.Value);
        }

        redacted = JsonPair().Replace(redacted, m =>
            isSecretName(m.Groups["key"].Value) && IsRealValue(m.Groups["value"].Value)
                ? m.Value.Substring(0, m.Groups["value"].Index - m.Index) + Redacted + "\""
                : m.Value);
        redacted = QuotedAssignment().Replace(redacted, m =>
            isSecretName(m.Groups["key"].Value) && IsRealValue(m.Groups["value"].Value)
                ? m.Groups["prefix"].Value + m.Groups["quote"].Value + Redacted + m.Groups["quote"].Value
                : m.Value);
        return RedactInline(redacted);
    }

    /// <summary>Connection-string passwords, URL credentials and tokens inside one value.</summary>
    public static string RedactInline(string value)
    {
        // Most values hold no secret: first the characters a pattern cannot match without ('=' of a connection string,
        // "://" and '@' of URL credentials), then a match test, and only then Replace with an evaluator (generic code
        // that each build's fresh process would JIT-compile, and the case-insensitive pattern's search set to build).
        var redacted = value.IndexOf('=') >= 0 && ConnectionStringPassword().IsMatch(value)
            ? ConnectionStringPassword().Replace(value, m => IsRealValue(m.Groups["value"].Value) ? m.Groups["key"].Value + "=" + Redacted : m.Value)
            : value;
        redacted = redacted.IndexOf('@') >= 0 && redacted.IndexOf("://", StringComparison.Ordinal) >= 0 && UrlCredentials().IsMatch(redacted)
            ? UrlCredentials().Replace(redacted, m => m.Groups["prefix"].Value + Redacted + "@")
            : redacted;
        // The contextual shapes first: an AWS secret key is found beside its key id, which the token pattern replaces.
        redacted = RedactContextual(redacted, Redacted);
        return TokenPattern().IsMatch(redacted) ? TokenPattern().Replace(redacted, Redacted) : redacted;
    }

    // The literal tests come first: they cost a few IndexOf over text that holds none of the contexts (nearly all).
    private static bool MayHoldAwsSecretKey(string text) => ContainsAwsAccessKeyId(text);

    // Both Azure shapes hold '=': one search for it comes first.
    private static bool MayHoldAzureStorageKey(string text) =>
        text.IndexOf('=') >= 0 && text.IndexOf("==", StringComparison.Ordinal) >= 0
        && (text.IndexOf(".core.windows.net", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("AccountName", StringComparison.OrdinalIgnoreCase) >= 0);

    private static bool MayHoldSasSignature(string text) =>
        text.IndexOf('=') >= 0 && text.IndexOf("sig=", StringComparison.Ordinal) >= 0 && text.IndexOf("sv=", StringComparison.Ordinal) >= 0;

    private static bool MayHoldJwt(string text) => text.IndexOf("eyJ", StringComparison.Ordinal) >= 0;

    private static bool ContainsContextualSecret(string text)
    {
        if (MayHoldJwt(text) && Jwt().IsMatch(text))
        {
            return true;
        }

        if (MayHoldAwsSecretKey(text))
        {
            foreach (Match match in AwsSecretKey().Matches(text))
            {
                if (HasUpperAndLower(match.Value))
                {
                    return true;
                }
            }
        }

        return (MayHoldAzureStorageKey(text) && AzureStorageKey().IsMatch(text)) || (MayHoldSasSignature(text) && SasSignature().IsMatch(text));
    }

    private static string RedactContextual(string text, string replacement)
    {
        var redacted = text;
        if (MayHoldJwt(redacted) && Jwt().IsMatch(redacted))
        {
            redacted = Jwt().Replace(redacted, replacement);
        }

        if (MayHoldAwsSecretKey(redacted))
        {
            redacted = AwsSecretKey().Replace(redacted, m => HasUpperAndLower(m.Value) ? replacement : m.Value);
        }

        if (MayHoldAzureStorageKey(redacted) && AzureStorageKey().IsMatch(redacted))
        {
            redacted = AzureStorageKey().Replace(redacted, replacement);
        }

        if (MayHoldSasSignature(redacted) && SasSignature().IsMatch(redacted))
        {
            redacted = SasSignature().Replace(redacted, m => m.Groups["prefix"].Value + replacement);
        }

        return redacted;
    }

    private static bool HasUpperAndLower(string value)
    {
        bool upper = false, lower = false;
        foreach (var c in value)
        {
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }

        return upper && lower;
    }

    private static bool IsConfigFile(string path, string text)
    {
        var name = FileNameOf(path);
        if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase) || name.IndexOf('.') < 0)
        {
            return true; // .env, .env.local, and extension-less files such as 'config'
        }

        foreach (var extension in ConfigExtensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) || name.IndexOf(extension + ".", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true; // also appsettings.json.bak, settings.ini.old
            }
        }

        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith("{", StringComparison.Ordinal) || start.StartsWith("[", StringComparison.Ordinal) || start.StartsWith("---",
            StringComparison.Ordinal);
    }

    // Placeholders and references are not secrets: "", "<redacted>", "${DB_PASSWORD}", "%PWD%", "{{ secret }}", "****".
    private static bool IsRealValue(string value)
    {
        var v = value.Trim().Trim('"', '\'', ',', ';').Trim();
        if (v.Length == 0 || v == Redacted || v.Trim('*', 'x', 'X', '.').Length == 0)
        {
            return false;
        }

        if (v.StartsWith("$", StringComparison.Ordinal) || v.StartsWith("%", StringComparison.Ordinal) || v.StartsWith("{{", StringComparison.Ordinal)
            || v.StartsWith("<", StringComparison.Ordinal) || v.StartsWith("#{", StringComparison.Ordinal) || v.StartsWith("@", StringComparison.Ordinal)
            || v.StartsWith("{", StringComparison.Ordinal) || v.StartsWith("(", StringComparison.Ordinal))
        {
            return false;
        }

        return !(v.Equals("null", StringComparison.OrdinalIgnoreCase) || v.Equals("none", StringComparison.OrdinalIgnoreCase)
            || v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("false", StringComparison.OrdinalIgnoreCase)
            || v == "{" || v == "[" || v == "{}" || v == "[]" || v == "|" || v == ">");
    }

    // DB_PASSWORD, db-password and db.password all read DBPASSWORD.
    private static string Squeezed(string name) => name.ToUpperInvariant().Replace("_", "").Replace("-", "").Replace(".", "");

    private static string[] Words(string name)
    {
        // camelCase and PascalCase boundaries, then separators.
        var spaced = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                spaced.Append(' ');
            }

            spaced.Append(char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : ' ');
        }

        return spaced.ToString().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
    }

    private static string FileNameOf(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized.Substring(normalized.LastIndexOf('/') + 1);
    }

    private static string? TryRedactJson(string text)
    {
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!start.StartsWith("{", StringComparison.Ordinal) && !start.StartsWith("[", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var documentOptions = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };
            using var document = JsonDocument.Parse(start, documentOptions);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, IndentedJson.Options))
            {
                WriteRedacted(writer, document.RootElement, secret: false);
            }

            return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void WriteRedacted(Utf8JsonWriter writer, JsonElement element, bool secret)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteRedacted(writer, property.Value, secret || IsSecretName(property.Name));
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteRedacted(writer, item, secret);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String when secret:
                writer.WriteStringValue(IsRealValue(element.GetString() ?? "") ? Redacted : element.GetString());
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(RedactInline(element.GetString() ?? ""));
                break;
            case JsonValueKind.Number when secret:
                writer.WriteStringValue(Redacted);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
