using System;
using System.IO;
using System.Text;

namespace Repro.Runs.Sharing;

/// <summary>
/// Reads the output of git's batch plumbing (<c>cat-file --batch</c>, <c>diff-tree -z</c>, <c>ls-tree -z</c>) from its
/// pipe as it comes: delimited fields of bounded length, and object contents handed on as bounded streams, so that no
/// output is ever held whole (a hostile remote's blob can be gigabytes of zeros).
/// </summary>
internal sealed class GitBatchReader
{
    // No field git writes for us is longer: a path in a tree is at most a few hundred bytes in any real repository.
    private const int MaxFieldBytes = 64 * 1024;

    private readonly Stream _source;
    private readonly byte[] _buffer = new byte[81920];
    private int _start;
    private int _end;

    public GitBatchReader(Stream source) => _source = source;

    /// <summary>The bytes up to the next <paramref name="delimiter"/> (consumed, not returned) as UTF-8; null at the end of the output.</summary>
    /// <exception cref="RunShareException">A field longer than any git writes for a run's file.</exception>
    public string? ReadField(byte delimiter)
    {
        var field = new MemoryStream();
        while (true)
        {
            if (_start == _end && !Fill())
            {
                return field.Length == 0 ? null : Encoding.UTF8.GetString(field.ToArray());
            }

            var found = Array.IndexOf(_buffer, delimiter, _start, _end - _start);
            var stop = found >= 0 ? found : _end;
            field.Write(_buffer, _start, stop - _start);
            if (field.Length > MaxFieldBytes)
            {
                throw new RunShareException($"git wrote an entry longer than {MaxFieldBytes / 1024} kB; the shared runs hold something that is not a run.");
            }

            _start = found >= 0 ? found + 1 : _end;
            if (found >= 0)
            {
                return Encoding.UTF8.GetString(field.ToArray());
            }
        }
    }

    /// <summary>The next <paramref name="length"/> bytes as a stream that ends after them; <see cref="Skip"/> what it leaves unread.</summary>
    public Stream Slice(long length) => new SliceStream(this, length);

    /// <summary>Discards the next <paramref name="length"/> bytes.</summary>
    public void Skip(long length)
    {
        while (length > 0)
        {
            if (_start == _end && !Fill())
            {
                throw new RunShareException("git's output ended in the middle of an object.");
            }

            var take = (int)Math.Min(length, _end - _start);
            _start += take;
            length -= take;
        }
    }

    private int Read(byte[] buffer, int offset, int count)
    {
        if (_start == _end && !Fill())
        {
            return 0;
        }

        var take = Math.Min(count, _end - _start);
        Buffer.BlockCopy(_buffer, _start, buffer, offset, take);
        _start += take;
        return take;
    }

    private bool Fill()
    {
        _start = 0;
        _end = _source.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }

    private sealed class SliceStream : Stream
    {
        private readonly GitBatchReader _reader;
        private long _remaining;

        public SliceStream(GitBatchReader reader, long length)
        {
            _reader = reader;
            _remaining = length;
        }

        public long Remaining => _remaining;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_remaining == 0)
            {
                return 0;
            }

            var read = _reader.Read(buffer, offset, (int)Math.Min(count, _remaining));
            if (read == 0)
            {
                throw new RunShareException("git's output ended in the middle of an object.");
            }

            _remaining -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && _remaining > 0)
            {
                _reader.Skip(_remaining); // what the consumer left unread, so that the next object starts where it should
                _remaining = 0;
            }

            base.Dispose(disposing);
        }
    }
}
