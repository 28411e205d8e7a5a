using System;

namespace Repro.Build.Security;

/// <summary>Removes credentials from URLs before they are recorded anywhere.</summary>
public static class UrlSanitizer
{
    /// <summary>
    /// Drops user info (<c>user:token@</c>), query and fragment from a URL, and turns an scp-style address
    /// (<c>git@host:org/repo</c>) into <c>ssh://host/org/repo</c>. Local paths are returned as they are.
    /// </summary>
    public static string Sanitize(string url)
    {
        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        url = url.Trim();
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && IsScheme(url.Substring(0, schemeEnd)))
        {
            var scheme = url.Substring(0, schemeEnd);
            var rest = url.Substring(schemeEnd + 3);
            var pathStart = rest.IndexOfAny(new[] { '/', '?', '#' });
            var authority = pathStart < 0 ? rest : rest.Substring(0, pathStart);
            var path = pathStart < 0 ? "" : rest.Substring(pathStart);
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                authority = authority.Substring(at + 1);
            }

            var cut = path.IndexOfAny(new[] { '?', '#' });
            if (cut >= 0)
            {
                path = path.Substring(0, cut);
            }

            return scheme + "://" + authority + path;
        }

        if (TrySplitScpLike(url, out var host, out var scpPath))
        {
            return "ssh://" + host + (scpPath.StartsWith("/", StringComparison.Ordinal) ? scpPath : "/" + scpPath);
        }

        return url;
    }

    private static bool TrySplitScpLike(string url, out string host, out string path)
    {
        host = "";
        path = "";
        var colon = url.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var beforeColon = url.Substring(0, colon);

        // "C:\repo" or "C:/repo" is a Windows path; a slash before the first colon makes it a local path (git's rule).
        if (beforeColon.IndexOf('/') >= 0 || beforeColon.IndexOf('\\') >= 0 || (beforeColon.Length == 1 && char.IsLetter(beforeColon[0])))
        {
            return false;
        }

        // Credentials end at the last '@' before the path: "user:password@host:org/repo" must lose "user:password".
        var slash = url.IndexOf('/');
        var head = slash < 0 ? url : url.Substring(0, slash);
        var at = head.LastIndexOf('@');
        var hostAndPath = at >= 0 ? url.Substring(at + 1) : url;
        var hostEnd = hostAndPath.IndexOf(':');
        if (hostEnd <= 0)
        {
            return false;
        }

        host = hostAndPath.Substring(0, hostEnd);
        path = hostAndPath.Substring(hostEnd + 1);
        return true;
    }

    private static bool IsScheme(string candidate)
    {
        if (candidate.Length == 0 || !char.IsLetter(candidate[0]))
        {
            return false;
        }

        foreach (var c in candidate)
        {
            if (!(char.IsLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }
}
