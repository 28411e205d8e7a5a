using System;
using System.Text;

namespace Repro.Build.IntegrationTests;

internal static class ByteSearch
{
    /// <summary>True when the bytes hold the text in UTF-8 or in UTF-16 (how .NET metadata stores strings).</summary>
    public static bool ContainsText(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0
        || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
