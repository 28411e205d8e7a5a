namespace Repro.Tool.Services;

/// <summary>How far a transfer has come, in bytes and objects; read by the terminal's progress bar.</summary>
internal sealed class TransferProgress
{
    private long _bytesDone;
    private long _bytesTotal;
    private int _objectsDone;

    public long BytesDone => Interlocked.Read(ref _bytesDone);

    public long BytesTotal => Interlocked.Read(ref _bytesTotal);

    public int ObjectsDone => Volatile.Read(ref _objectsDone);

    public void AddTotal(long bytes) => Interlocked.Add(ref _bytesTotal, bytes);

    public void Done(long bytes)
    {
        Interlocked.Add(ref _bytesDone, bytes);
        Interlocked.Increment(ref _objectsDone);
    }
}
