using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace Repro.Build.Git;

/// <summary>
/// Reads objects from a repository's object database without launching git: loose objects, pack files through their
/// version 2 index (with offset and reference deltas), and alternates. Enough to read a commit or a tag; not a
/// general-purpose git implementation.
/// </summary>
public sealed class GitObjectReader
{
    private const int MaxDeltaDepth = 64;

    private readonly List<string> _objectDirectories = [];
    private readonly int _hashLength;
    private List<PackIndex>? _packs;

    public GitObjectReader(string objectsDirectory, string objectFormat)
    {
        _hashLength = objectFormat == "sha256" ? 32 : 20;
        AddObjectDirectory(objectsDirectory, depth: 0);
    }

    /// <summary>Returns the object, or null when the repository does not have it (a shallow or partial clone).</summary>
    /// <exception cref="GitFormatException">An object or pack file is malformed.</exception>
    public GitObject? TryRead(string objectId)
    {
        if (objectId.Length != _hashLength * 2)
        {
            throw new GitFormatException($"'{objectId}' is not an object id of this repository's format.");
        }

        foreach (var directory in _objectDirectories)
        {
            var loose = Path.Combine(directory, objectId.Substring(0, 2), objectId.Substring(2));
            if (File.Exists(loose))
            {
                return ReadLoose(loose);
            }
        }

        var id = HexToBytes(objectId);
        foreach (var pack in GetPacks())
        {
            var offset = pack.FindOffset(id);
            if (offset >= 0)
            {
                using var stream = new FileStream(pack.PackPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 4096);
                return ReadPacked(stream, offset, depth: 0);
            }
        }

        return null;
    }

    private void AddObjectDirectory(string directory, int depth)
    {
        if (depth > 5 || !Directory.Exists(directory) || _objectDirectories.Contains(directory))
        {
            return;
        }

        _objectDirectories.Add(directory);
        var alternates = Path.Combine(directory, "info", "alternates");
        if (File.Exists(alternates))
        {
            foreach (var line in File.ReadAllLines(alternates))
            {
                var trimmed = line.Trim();
                if (trimmed.Length > 0 && trimmed[0] != '#')
                {
                    AddObjectDirectory(Path.GetFullPath(Path.Combine(directory, trimmed)), depth + 1);
                }
            }
        }
    }

    private List<PackIndex> GetPacks()
    {
        if (_packs is not null)
        {
            return _packs;
        }

        var packs = new List<PackIndex>();
        foreach (var directory in _objectDirectories)
        {
            var packDirectory = Path.Combine(directory, "pack");
            if (!Directory.Exists(packDirectory))
            {
                continue;
            }

            var indexes = Directory.GetFiles(packDirectory, "pack-*.idx");
            Array.Sort(indexes, StringComparer.Ordinal);
            foreach (var index in indexes)
            {
                var packPath = Path.ChangeExtension(index, ".pack");
                if (File.Exists(packPath))
                {
                    packs.Add(new PackIndex(index, packPath, _hashLength));
                }
            }
        }

        return _packs = packs;
    }

    private static GitObject ReadLoose(string path)
    {
        byte[] raw;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            raw = Inflate(file, expectedLength: -1, path);
        }

        var space = Array.IndexOf(raw, (byte)' ');
        var nul = Array.IndexOf(raw, (byte)0);
        if (space <= 0 || nul <= space)
        {
            throw new GitFormatException($"The loose object '{path}' has no header.");
        }

        var type = ParseTypeName(Encoding.ASCII.GetString(raw, 0, space), path);
        var content = new byte[raw.Length - nul - 1];
        Buffer.BlockCopy(raw, nul + 1, content, 0, content.Length);
        return new GitObject(type, content);
    }

    private GitObject ReadPacked(FileStream pack, long offset, int depth)
    {
        if (depth > MaxDeltaDepth)
        {
            throw new GitFormatException($"A delta chain in '{pack.Name}' is deeper than {MaxDeltaDepth}.");
        }

        pack.Position = offset;
        var header = ReadByte(pack);
        var typeCode = (header >> 4) & 7;
        long size = header & 0x0f;
        var shift = 4;
        while ((header & 0x80) != 0)
        {
            header = ReadByte(pack);
            size |= (long)(header & 0x7f) << shift;
            shift += 7;
        }

        switch (typeCode)
        {
            case 1:
            case 2:
            case 3:
            case 4:
                return new GitObject((GitObjectType)typeCode, Inflate(pack, size, pack.Name));
            case 6:
                {
                    var c = ReadByte(pack);
                    long distance = c & 0x7f;
                    while ((c & 0x80) != 0)
                    {
                        c = ReadByte(pack);
                        distance = ((distance + 1) << 7) | (long)(c & 0x7f);
                    }

                    var delta = Inflate(pack, size, pack.Name);
                    var baseObject = ReadPacked(pack, offset - distance, depth + 1);
                    return new GitObject(baseObject.Type, ApplyDelta(baseObject.Content, delta, pack.Name));
                }
            case 7:
                {
                    var baseId = new byte[_hashLength];
                    ReadExactly(pack, baseId);
                    var delta = Inflate(pack, size, pack.Name);
                    var baseObject = TryRead(Repro.Build.IO.Hashing.ToHex(baseId))
                        ?? throw new GitFormatException($"The base of a delta in '{pack.Name}' is missing.");
                    return new GitObject(baseObject.Type, ApplyDelta(baseObject.Content, delta, pack.Name));
                }
            default:
                throw new GitFormatException($"'{pack.Name}' has an object of unknown type {typeCode} at offset {offset}.");
        }
    }

    private static byte[] ApplyDelta(byte[] source, byte[] delta, string file)
    {
        var position = 0;
        var sourceSize = ReadDeltaSize(delta, ref position);
        var targetSize = ReadDeltaSize(delta, ref position);
        if (sourceSize != source.Length)
        {
            throw new GitFormatException($"A delta in '{file}' does not fit its base.");
        }

        var target = new byte[targetSize];
        var written = 0;
        while (position < delta.Length)
        {
            var op = delta[position++];
            if ((op & 0x80) != 0)
            {
                long copyOffset = 0;
                long copySize = 0;
                for (var i = 0; i < 4; i++)
                {
                    if ((op & (1 << i)) != 0)
                    {
                        copyOffset |= (long)delta[position++] << (8 * i);
                    }
                }

                for (var i = 0; i < 3; i++)
                {
                    if ((op & (0x10 << i)) != 0)
                    {
                        copySize |= (long)delta[position++] << (8 * i);
                    }
                }

                if (copySize == 0)
                {
                    copySize = 0x10000;
                }

                if (copyOffset + copySize > source.Length || written + copySize > target.Length)
                {
                    throw new GitFormatException($"A delta in '{file}' copies outside its base.");
                }

                Buffer.BlockCopy(source, (int)copyOffset, target, written, (int)copySize);
                written += (int)copySize;
            }
            else if (op != 0)
            {
                if (position + op > delta.Length || written + op > target.Length)
                {
                    throw new GitFormatException($"A delta in '{file}' is truncated.");
                }

                Buffer.BlockCopy(delta, position, target, written, op);
                position += op;
                written += op;
            }
            else
            {
                throw new GitFormatException($"A delta in '{file}' has a reserved instruction.");
            }
        }

        if (written != target.Length)
        {
            throw new GitFormatException($"A delta in '{file}' is shorter than it says.");
        }

        return target;
    }

    private static long ReadDeltaSize(byte[] delta, ref int position)
    {
        long size = 0;
        var shift = 0;
        byte b;
        do
        {
            if (position >= delta.Length)
            {
                throw new GitFormatException("A delta header is truncated.");
            }

            b = delta[position++];
            size |= (long)(b & 0x7f) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return size;
    }

    private static byte[] Inflate(Stream stream, long expectedLength, string file)
    {
        // zlib: a two-byte header, a raw deflate stream, an Adler-32 trailer (not checked here).
        if (stream.ReadByte() < 0 || stream.ReadByte() < 0)
        {
            throw new GitFormatException($"'{file}' ends inside a compressed object.");
        }

        try
        {
            using var deflate = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var output = expectedLength >= 0 ? new MemoryStream((int)expectedLength) : new MemoryStream();
            deflate.CopyTo(output);
            if (expectedLength >= 0 && output.Length < expectedLength)
            {
                throw new GitFormatException($"A compressed object in '{file}' is shorter than its header says.");
            }

            return output.Length == expectedLength ? output.GetBuffer() : output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new GitFormatException($"A compressed object in '{file}' is corrupt ({ex.Message}).");
        }
    }

    private static GitObjectType ParseTypeName(string name, string file) => name switch
    {
        "commit" => GitObjectType.Commit,
        "tree" => GitObjectType.Tree,
        "blob" => GitObjectType.Blob,
        "tag" => GitObjectType.Tag,
        _ => throw new GitFormatException($"'{file}' has an unknown object type '{name}'."),
    };

    private static int ReadByte(Stream stream)
    {
        var b = stream.ReadByte();
        return b >= 0 ? b : throw new GitFormatException("A pack file ends inside an object header.");
    }

    private static void ReadExactly(Stream stream, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n <= 0)
            {
                throw new GitFormatException("A git file ends early.");
            }

            read += n;
        }
    }

    internal static byte[] HexToBytes(string hex)
    {
        var bytes = new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((HexValue(hex[2 * i]) << 4) | HexValue(hex[(2 * i) + 1]));
        }

        return bytes;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => throw new GitFormatException($"'{c}' is not a hex digit."),
    };

    /// <summary>A pack's version 2 index: a fan-out table, then sorted object ids, CRCs and offsets.</summary>
    private sealed class PackIndex
    {
        private const int HeaderLength = 8;
        private const int FanoutLength = 256 * 4;

        private readonly string _indexPath;
        private readonly int _hashLength;
        private uint[]? _fanout;

        public PackIndex(string indexPath, string packPath, int hashLength)
        {
            _indexPath = indexPath;
            PackPath = packPath;
            _hashLength = hashLength;
        }

        public string PackPath { get; }

        public long FindOffset(byte[] id)
        {
            using var index = new FileStream(_indexPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            var fanout = _fanout ??= ReadFanout(index);
            var count = fanout[255];
            var low = id[0] == 0 ? 0u : fanout[id[0] - 1];
            var high = fanout[id[0]];
            var candidate = new byte[_hashLength];
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                index.Position = HeaderLength + FanoutLength + ((long)middle * _hashLength);
                ReadExactly(index, candidate);
                var comparison = Compare(candidate, id);
                if (comparison == 0)
                {
                    return ReadOffset(index, count, middle);
                }

                if (comparison < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return -1;
        }

        private long ReadOffset(FileStream index, uint count, uint position)
        {
            var offsetsStart = HeaderLength + FanoutLength + ((long)count * _hashLength) + ((long)count * 4);
            index.Position = offsetsStart + ((long)position * 4);
            var small = ReadUInt32(index);
            if ((small & 0x80000000) == 0)
            {
                return small;
            }

            index.Position = offsetsStart + ((long)count * 4) + ((long)(small & 0x7fffffff) * 8);
            var large = ((ulong)ReadUInt32(index) << 32) | ReadUInt32(index);
            return (long)large;
        }

        private uint[] ReadFanout(FileStream index)
        {
            var header = new byte[HeaderLength];
            ReadExactly(index, header);
            if (header[0] != 0xff || header[1] != (byte)'t' || header[2] != (byte)'O' || header[3] != (byte)'c' || header[7] != 2)
            {
                throw new GitFormatException($"'{_indexPath}' is not a version 2 pack index.");
            }

            var fanout = new uint[256];
            for (var i = 0; i < 256; i++)
            {
                fanout[i] = ReadUInt32(index);
            }

            return fanout;
        }

        private static uint ReadUInt32(Stream stream)
        {
            var buffer = new byte[4];
            ReadExactly(stream, buffer);
            return ((uint)buffer[0] << 24) | ((uint)buffer[1] << 16) | ((uint)buffer[2] << 8) | buffer[3];
        }

        private static int Compare(byte[] a, byte[] b)
        {
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return a[i].CompareTo(b[i]);
                }
            }

            return 0;
        }
    }
}
