using System.Threading;

namespace Repro.Build.Data;

/// <summary>How far data hashing has come; read by the build's thread to print progress while it waits.</summary>
public sealed class HashProgress
{
    private long _bytesDone;
    private long _bytesTotal;
    private string? _currentFile;

    public long BytesDone => Interlocked.Read(ref _bytesDone);

    public long BytesTotal => Interlocked.Read(ref _bytesTotal);

    public string? CurrentFile => Volatile.Read(ref _currentFile);

    internal void AddTotal(long bytes) => Interlocked.Add(ref _bytesTotal, bytes);

    internal void AddDone(long bytes) => Interlocked.Add(ref _bytesDone, bytes);

    internal void SetCurrent(string file) => Volatile.Write(ref _currentFile, file);
}
