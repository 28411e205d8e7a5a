using System.Buffers;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using Repro.Build.IO;

namespace Repro.Build.Data;

/// <summary>SHA-256 of a file read in large sequential blocks: never the whole file in memory.</summary>
public static class StreamHasher
{
    private const int BlockSize = 1 << 20;

    /// <exception cref="SpecialFileException">The path is a FIFO, device or socket: it is not opened.</exception>
    public static string Sha256File(string path, HashProgress? progress = null, CancellationToken cancellation = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var stream = FileProbe.OpenRegular(path, FileOptions.SequentialScan);
            int read;
            while ((read = stream.Read(buffer, 0, BlockSize)) > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                sha.AppendData(buffer, 0, read);
                progress?.AddDone(read);
            }

            return Hashing.ToHex(sha.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
