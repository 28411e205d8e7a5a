using System.Text;

namespace Repro.Tool.Output;

/// <summary>
/// A write-only stream that decodes UTF-8 into a <see cref="TextWriter"/> as it comes (a character split between two
/// writes is kept for the next), dropping '\r' so that JSON has LF line ends on every platform.
/// </summary>
internal sealed class TextWriterStream : Stream
{
    private readonly TextWriter _writer;
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private char[] _chars = new char[4096];

    public TextWriterStream(TextWriter writer) => _writer = writer;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        var needed = _decoder.GetCharCount(buffer, offset, count, flush: false);
        if (needed > _chars.Length)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        var written = _decoder.GetChars(buffer, offset, count, _chars, 0, flush: false);
        var start = 0;
        for (var i = 0; i < written; i++)
        {
            if (_chars[i] == '\r')
            {
                _writer.Write(_chars, start, i - start);
                start = i + 1;
            }
        }

        _writer.Write(_chars, start, written - start);
    }

    public override void Flush() => _writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
