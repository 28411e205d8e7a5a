using System;
using System.IO;
using System.Text.RegularExpressions;

namespace Repro.Build.Store;

/// <summary>
/// A remote's URL, parsed and checked: a folder path, <c>s3://bucket/prefix</c> or <c>azure://container/prefix</c>.
/// A URL that carries a credential (user info, a query string such as an Azure SAS token) is refused: the URL goes
/// into the committed configuration.
/// </summary>
public sealed class RemoteLocation
{
    private static readonly Regex BucketName = new("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant);
    private static readonly Regex ContainerName = new("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$", RegexOptions.CultureInvariant);

    private RemoteLocation(RemoteKind kind, string url, string? container, string prefix, string? folder)
    {
        Kind = kind;
        Url = url;
        Container = container;
        Prefix = prefix;
        Folder = folder;
    }

    public RemoteKind Kind { get; }

    /// <summary>The URL as configured.</summary>
    public string Url { get; }

    /// <summary>The S3 bucket or Azure container; null for a folder.</summary>
    public string? Container { get; }

    /// <summary>The key prefix below the bucket or container, without slashes at either end ("" for none).</summary>
    public string Prefix { get; }

    /// <summary>The folder's full path (a folder remote).</summary>
    public string? Folder { get; }

    /// <summary>
    /// Parses <paramref name="url"/>; a relative folder is relative to <paramref name="baseDirectory"/> (the work tree's root).
    /// Returns null and a <paramref name="problem"/> that says what to write instead when it is not a remote URL.
    /// </summary>
    public static RemoteLocation? TryParse(string? url, string baseDirectory, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            problem = "the URL is empty: give a folder, s3://bucket/prefix or azure://container/prefix";
            return null;
        }

        url = url!.Trim();
        foreach (var c in url)
        {
            if (char.IsControl(c))
            {
                problem = "the URL holds a control character";
                return null;
            }
        }

        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return ParseFolder(url, baseDirectory, ref problem);
        }

        var name = url.Substring(0, scheme).ToLowerInvariant();
        var rest = url.Substring(scheme + 3);
        if (rest.IndexOf('?') >= 0 || rest.IndexOf('#') >= 0)
        {
            problem = "the URL has a query string or fragment (an Azure SAS token, a signed URL?): credentials never go into the configuration; "
                + "give the URL without it and let the SDK find credentials (docs/store.md, Credentials)";
            return null;
        }

        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest.Substring(0, slash);
        if (authority.IndexOf('@') >= 0 || authority.IndexOf(':') >= 0)
        {
            problem = "the URL holds user information (name:secret@): credentials never go into the configuration; "
                + "give the URL without it and let the SDK find credentials (docs/store.md, Credentials)";
            return null;
        }

        var prefix = slash < 0 ? "" : rest.Substring(slash + 1).Trim('/');
        if (!IsSafePrefix(prefix))
        {
            problem = $"the prefix '{prefix}' has an empty, '.' or '..' segment or a backslash: give a plain path such as team/data";
            return null;
        }

        switch (name)
        {
            case "s3":
                if (!BucketName.IsMatch(authority))
                {
                    problem = $"'{authority}' is not an S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens)";
                    return null;
                }

                return new RemoteLocation(RemoteKind.S3, url, authority, prefix, null);
            case "azure":
                if (!ContainerName.IsMatch(authority))
                {
                    problem = $"'{authority}' is not an Azure container name (3 to 63 lower-case letters, digits and single hyphens)";
                    return null;
                }

                return new RemoteLocation(RemoteKind.Azure, url, authority, prefix, null);
            default:
                problem = $"'{name}://' is not a remote kind this version knows: give a folder, s3://bucket/prefix or azure://container/prefix";
                return null;
        }
    }

    /// <summary>True when <paramref name="text"/> is empty or segments of printable characters, none of them empty, '.' or '..'.</summary>
    internal static bool IsSafePrefix(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        foreach (var segment in text.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.IndexOf('\\') >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static RemoteLocation? ParseFolder(string path, string baseDirectory, ref string? problem)
    {
        try
        {
            var full = Path.GetFullPath(Path.Combine(baseDirectory, path));
            return new RemoteLocation(RemoteKind.Folder, path, null, "", full);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            problem = $"'{path}' is not a folder path";
            return null;
        }
    }
}
