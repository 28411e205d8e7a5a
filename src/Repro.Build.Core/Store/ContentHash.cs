using System;

namespace Repro.Build.Store;

/// <summary>
/// The name of an object in the store: the SHA-256 of its content as 64 lower-case hex digits. Every key that comes
/// from outside (a manifest, a remote's listing) is checked here before it becomes a path, so that no key can name a
/// file outside the cache or a remote's prefix (no separator, no "..", nothing but hex).
/// </summary>
public static class ContentHash
{
    public const int Sha256HexLength = 64;

    /// <summary>True when <paramref name="value"/> is 64 lower-case hex digits.</summary>
    public static bool IsSha256(string? value)
    {
        if (value is null || value.Length != Sha256HexLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The hash itself when it is one, else an <see cref="ArgumentException"/> naming what it got.</summary>
    public static string Require(string? value) =>
        IsSha256(value) ? value! : throw new ArgumentException($"'{Shorten(value)}' is not a SHA-256 (64 lower-case hex digits).", nameof(value));

    /// <summary>
    /// The object's key below a cache or a remote prefix, DVC 3's layout: <c>files/sha256/ab/cdef…</c> (two-level fan-out:
    /// the first two digits name a folder, so no folder holds more than a 256th of the objects).
    /// </summary>
    public static string Key(string sha256)
    {
        Require(sha256);
        return "files/sha256/" + sha256.Substring(0, 2) + "/" + sha256.Substring(2);
    }

    /// <summary>The hash a key names (<c>files/sha256/ab/cdef…</c>, the prefix left out), or null when it names none.</summary>
    public static string? FromKey(string key)
    {
        const string Prefix = "files/sha256/";
        if (key.Length != Prefix.Length + Sha256HexLength + 1 || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + 2] != '/')
        {
            return null;
        }

        var hash = key.Substring(Prefix.Length, 2) + key.Substring(Prefix.Length + 3);
        return IsSha256(hash) ? hash : null;
    }

    private static string Shorten(string? value) =>
        value is null ? "(none)" : value.Length > 80 ? value.Substring(0, 79) + "…" : value;
}
