using System;
using System.Collections.Generic;
using System.Text;

namespace Repro.Runs.Records;

/// <summary>
/// The distinct keys of a metrics file, found by their UTF-8 bytes: a file of a billion points over a few keys makes a
/// few strings, not a billion.
/// </summary>
internal sealed class MetricKeyTable
{
    private readonly Dictionary<ulong, int> _byHash = [];
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly List<byte[]> _utf8 = [];
    private readonly List<string> _names = [];

    public int Count => _names.Count;

    public string this[int index] => _names[index];

    /// <summary>The key's index, or -1.</summary>
    public int Find(ReadOnlySpan<byte> utf8)
    {
        if (_byHash.TryGetValue(Hash(utf8), out var index) && utf8.SequenceEqual(_utf8[index]))
        {
            return index;
        }

        // Another key with the same hash (rare), or a key first met with escapes.
        return _byName.TryGetValue(Encoding.UTF8.GetString(utf8.ToArray()), out index) ? index : -1;
    }

    public int Find(string name) => _byName.TryGetValue(name, out var index) ? index : -1;

    public int Add(ReadOnlySpan<byte> utf8) => Add(Encoding.UTF8.GetString(utf8.ToArray()));

    public int Add(string name)
    {
        var index = _names.Count;
        var utf8 = Encoding.UTF8.GetBytes(name);
        _names.Add(name);
        _utf8.Add(utf8);
        _byName[name] = index;
        var hash = Hash(utf8);
        if (!_byHash.ContainsKey(hash))
        {
            _byHash[hash] = index;
        }

        return index;
    }

    // FNV-1a, 64 bits.
    private static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
