using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using Repro.Build.IO;
using Repro.Build.Security;

namespace Repro.Build.Store;

/// <summary>
/// Reads and writes <c>.repro/config.json</c> and <c>.repro/config.local.json</c>: bounded, checked as a whole when read
/// (names, URLs, options, no credential), written atomically and indented. A damaged or refused file is an
/// <see cref="InvalidDataException"/> whose message names the file and what to change.
/// </summary>
public static class StoreConfigFile
{
    /// <summary>The team's configuration, committed.</summary>
    public const string FileName = "config.json";

    /// <summary>This machine's configuration, never committed; it wins over <see cref="FileName"/> key by key.</summary>
    public const string LocalFileName = "config.local.json";

    /// <summary>A configuration names a few remotes: anything larger is not one.</summary>
    public const long MaxFileBytes = 256 * 1024;

    public const int MaxJobs = 256;

    private static readonly Regex RemoteName = new("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant);
    private static readonly Regex Region = new("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant);
    private static readonly Regex Account = new("^[a-z0-9]{3,24}$", RegexOptions.CultureInvariant);

    /// <summary>The configuration at <paramref name="path"/>, or null when there is no such file.</summary>
    /// <exception cref="InvalidDataException">The file is damaged, too large, or holds a key or value that is refused.</exception>
    public static StoreConfig? Read(string path, string baseDirectory)
    {
        if (FileProbe.Inspect(path) == FileKind.Missing)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = FileProbe.ReadAllBytes(path, MaxFileBytes);
        }
        catch (FileTooLargeException ex)
        {
            throw new InvalidDataException($"{path} is larger than {MaxFileBytes / 1024} KiB, more than a store configuration holds: it is not read.", ex);
        }

        var config = FromUtf8Bytes(bytes, path);
        var problem = Check(config, baseDirectory);
        return problem is null ? config : throw new InvalidDataException($"{path}: {problem}.");
    }

    /// <exception cref="InvalidDataException">Not a store configuration.</exception>
    public static StoreConfig FromUtf8Bytes(ReadOnlySpan<byte> utf8Json, string displayName)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, StoreConfigContext.Default.StoreConfig)
                ?? throw new InvalidDataException($"{displayName} holds null where the store configuration (an object) belongs.");
        }
        catch (JsonException ex) when (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{displayName} has a key this version does not know (under {ex.Path}): remove it, or update dotnet "
                + $"repro if a newer version wrote it.", ex);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{displayName} cannot be read: {JsonProblem.Describe(ex, utf8Json)}.", ex);
        }
    }

    public static byte[] ToUtf8Bytes(StoreConfig config) =>
        IndentedJson.Write(writer => JsonSerializer.Serialize(writer, config, StoreConfigContext.Default.StoreConfig));

    /// <summary>Writes the configuration (a temporary file renamed over the old one).</summary>
    public static void Write(string path, StoreConfig config) => AtomicFile.WriteIfChanged(path, ToUtf8Bytes(config));

    /// <summary>What is wrong with a configuration, in words that say what to change; null when nothing is.</summary>
    public static string? Check(StoreConfig config, string baseDirectory)
    {
        if (config.Remotes is null)
        {
            config.Remotes = new SortedDictionary<string, RemoteConfig>(StringComparer.Ordinal);
        }

        foreach (var pair in config.Remotes)
        {
            if (CheckRemoteName(pair.Key) is { } badName)
            {
                return badName;
            }

            if (pair.Value is null)
            {
                return $"remote '{pair.Key}' is null: give it an object with a url";
            }

            if (CheckRemote(pair.Key, pair.Value, baseDirectory) is { } badRemote)
            {
                return badRemote;
            }
        }

        if (config.DefaultRemote is { } name && CheckRemoteName(name) is { } badDefault)
        {
            return "defaultRemote: " + badDefault;
        }

        if (config.Jobs is { } jobs && (jobs < 1 || jobs > MaxJobs))
        {
            return $"jobs is {jobs.ToString(CultureInfo.InvariantCulture)}: give 1 to {MaxJobs.ToString(CultureInfo.InvariantCulture)} parallel transfers";
        }

        if (config.Cache?.Type is { } type && ParseLinkTypes(type, out var typeProblem) is null)
        {
            return "cache.type: " + typeProblem;
        }

        if (config.Cache?.Dir is { } dir && (dir.Trim().Length == 0 || HasControl(dir)))
        {
            return "cache.dir is empty or holds a control character: give a folder";
        }

        if (config.Cache?.RunData is { } runData && ParseSize(runData) is null)
        {
            return $"cache.runData is '{Shorten(runData)}': give a size such as 256MB, 2GB or 0";
        }

        return null;
    }

    /// <summary>A size such as <c>256MB</c>, <c>2 GB</c>, <c>1024</c> (bytes) or <c>0</c>, units of 1024; null when it is none.</summary>
    public static long? ParseSize(string text)
    {
        var trimmed = text.Trim().ToUpperInvariant().Replace(" ", "");
        var digits = 0;
        while (digits < trimmed.Length && char.IsDigit(trimmed[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits > 15 || !long.TryParse(trimmed.Substring(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var shift = trimmed.Substring(digits) switch
        {
            "" or "B" => 0,
            "K" or "KB" or "KIB" => 10,
            "M" or "MB" or "MIB" => 20,
            "G" or "GB" or "GIB" => 30,
            "T" or "TB" or "TIB" => 40,
            _ => -1,
        };
        return shift < 0 || number > (long.MaxValue >> shift) ? null : number << shift;
    }

    /// <summary>Why <paramref name="name"/> cannot name a remote, or null when it can.</summary>
    public static string? CheckRemoteName(string name) =>
        RemoteName.IsMatch(name) ? null : $"'{Shorten(name)}' is not a remote name (a letter or digit, then up to 63 letters, digits, '_', '.' and '-')";

    /// <summary>What is wrong with one remote's settings, or null. A remote without a URL passes (an override).</summary>
    public static string? CheckRemote(string name, RemoteConfig remote, string baseDirectory)
    {
        // A remote of config.local.json may hold only the options it overrides: its URL then comes from config.json
        // (StoreSettings checks that every remote ends up with one).
        if (remote.Url is not null && RemoteLocation.TryParse(remote.Url, baseDirectory, out var problem) is null)
        {
            return $"remote '{name}': {problem}";
        }

        if (remote.Endpoint is { } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                return $"remote '{name}': endpoint '{Shorten(endpoint)}' is not an http:// or https:// URL";
            }

            if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                return $"remote '{name}': the endpoint holds user information or a query string: credentials never go into the configuration "
                    + $"(docs/store.md, Credentials)";
            }
        }

        if (remote.Region is { } region && !Region.IsMatch(region))
        {
            return $"remote '{name}': region '{Shorten(region)}' is not a region name such as eu-west-1";
        }

        if (remote.Account is { } account && !Account.IsMatch(account))
        {
            return $"remote '{name}': account '{Shorten(account)}' is not a storage account name (3 to 24 lower-case letters and digits)";
        }

        foreach (var value in new[] { remote.Url, remote.Endpoint, remote.Region, remote.Account })
        {
            if (value is not null && SecretDetector.ContainsToken(value))
            {
                return $"remote '{name}' holds what looks like a credential: credentials never go into the configuration (docs/store.md, Credentials)";
            }
        }

        return null;
    }

    /// <summary>
    /// <c>cache.type</c> as DVC writes it: <c>reflink</c>, <c>copy</c>, <c>hardlink</c>, comma-separated, tried in order.
    /// Null, with the <paramref name="problem"/>, for anything else (symlink included: it is not offered).
    /// </summary>
    public static IReadOnlyList<CacheLinkType>? ParseLinkTypes(string text, out string? problem)
    {
        problem = null;
        var types = new List<CacheLinkType>();
        foreach (var part in text.Split(','))
        {
            var name = part.Trim();
            CacheLinkType type;
            switch (name)
            {
                case "reflink": type = CacheLinkType.Reflink; break;
                case "copy": type = CacheLinkType.Copy; break;
                case "hardlink": type = CacheLinkType.Hardlink; break;
                default:
                    problem = $"'{Shorten(name)}' is not a cache type: give reflink, copy or hardlink, comma-separated in order of preference "
                        + $"(default reflink,copy)";
                    return null;
            }

            if (!types.Contains(type))
            {
                types.Add(type);
            }
        }

        return types;
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Shorten(string value) => value.Length > 80 ? value.Substring(0, 79) + "…" : value;
}
