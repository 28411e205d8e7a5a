using System.Buffers;

namespace Repro.Tool.Services;

/// <summary>Copies a stream in fixed blocks (memory independent of its length), failing past a bound.</summary>
internal static class BoundedCopy
{
    private const int BufferSize = 1 << 20;

    /// <exception cref="InvalidDataException">The source holds more than <paramref name="maxBytes"/>.</exception>
    public static async Task<long> CopyAsync(Stream source, Stream destination, long maxBytes, CancellationToken cancellation)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, 0, BufferSize, cancellation).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new InvalidDataException($"more than the {maxBytes} bytes expected arrived");
                }

                await destination.WriteAsync(buffer, 0, read, cancellation).ConfigureAwait(false);
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
