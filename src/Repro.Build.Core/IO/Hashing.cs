using System.Security.Cryptography;
using System.Text;

namespace Repro.Build.IO;

public static class Hashing
{
    public static string Sha256Hex(byte[] data)
    {
        using var sha = SHA256.Create();
        return ToHex(sha.ComputeHash(data));
    }

    public static string Sha256File(string path)
    {
        using var sha = SHA256.Create();
        using var stream = FileProbe.OpenRegular(path, bufferSize: 1 << 16);
        return ToHex(sha.ComputeHash(stream));
    }

    /// <summary>Lower-case hex, as git and sha256sum print hashes.</summary>
    public static string ToHex(byte[] hash)
    {
        var builder = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
