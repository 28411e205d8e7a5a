using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Repro.Build.IO;
using Repro.Build.Machine;
using Repro.Build.Manifest;
using Repro.Build.Security;

namespace Repro.Build.Settings;

/// <summary>Reads configuration and assumptions files for the manifest: hash always, text inline when small, secrets redacted.</summary>
public static class TextFileReader
{
    public const int MaxInlineBytes = 64 * 1024;

    private static readonly Regex SecretAssignment = new(
        @"^(?<key>\s*[""']?[A-Za-z0-9_.\-]*(?:key|token|secret|password|passwd|pwd|credential|auth|connectionstring)[A-Za-z0-9_.\-]*[""']?\s*[:=]\s*)(?<value>\S.*?)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline);

    /// <returns>The entry; null in <see cref="TextFileEntry.Sha256"/> when the file does not exist.</returns>
    public static TextFileEntry Read(string projectDirectory, string declaredPath, string fullPath)
    {
        var entry = new TextFileEntry { Path = PathText.ForManifest(projectDirectory, declaredPath, fullPath) };
        if (!File.Exists(fullPath))
        {
            return entry;
        }

        if (new FileInfo(fullPath).Length > MaxInlineBytes)
        {
            entry.Sha256 = Hashing.Sha256File(fullPath);
            return entry;
        }

        // Small enough to inline: read once, hash those bytes.
        var bytes = File.ReadAllBytes(fullPath);
        entry.Sha256 = Hashing.Sha256Hex(bytes);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return entry;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return entry;
        }

        entry.Content = Redact(text, fullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
        return entry;
    }

    /// <summary>Replaces values of secret-looking keys (JSON properties, or <c>key = value</c> / <c>key: value</c> lines) and token-shaped strings.</summary>
    public static string Redact(string text, bool isJson)
    {
        if (isJson && TryRedactJson(text) is { } json)
        {
            return json;
        }

        var redacted = SecretAssignment.Replace(text, m => m.Groups["key"].Value + EnvironmentVariables.Redacted);
        return SecretDetector.RedactTokens(redacted, EnvironmentVariables.Redacted);
    }

    private static string? TryRedactJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                Write(writer, document.RootElement, secret: false);
            }

            return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, bool secret)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, secret || EnvironmentVariables.IsSecretName(property.Name));
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, secret);
                }

                writer.WriteEndArray();
                break;
            default:
                if (secret || (element.ValueKind == JsonValueKind.String && SecretDetector.ContainsToken(element.GetString() ?? "")))
                {
                    writer.WriteStringValue(EnvironmentVariables.Redacted);
                }
                else
                {
                    element.WriteTo(writer);
                }

                break;
        }
    }
}
