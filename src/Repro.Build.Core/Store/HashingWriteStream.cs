using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Repro.Build.Store;

/// <summary>
/// A write-only stream over a file that hashes what passes through it and counts it, refusing to go past a bound: the
/// cache writes an object and learns its hash in one pass (no second read), and a server that sends more than it
/// announced cannot fill the disk.
/// </summary>
internal sealed class HashingWriteStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly long _maxBytes;

    public HashingWriteStream(Stream inner, long maxBytes)
    {
        _inner = inner;
        _maxBytes = maxBytes;
    }

    /// <summary>True once more than the bound was offered; what was past it was not written.</summary>
    public bool Exceeded { get; private set; }

    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position
    {
        get => Written;
        set => throw new NotSupportedException();
    }

    /// <summary>The SHA-256 of everything written, lower-case hex.</summary>
    public string Sha256() => Repro.Build.IO.Hashing.ToHex(_hash.GetHashAndReset());

    public override void Write(byte[] buffer, int offset, int count)
    {
        Account(buffer, offset, count);
        _inner.Write(buffer, offset, count);
    }

    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Account(buffer, offset, count);
        await _inner.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Account(byte[] buffer, int offset, int count)
    {
        if (Written + count > _maxBytes)
        {
            Exceeded = true;
            throw new InvalidDataException($"more than the {_maxBytes} bytes expected arrived");
        }

        _hash.AppendData(buffer, offset, count);
        Written += count;
    }
}
