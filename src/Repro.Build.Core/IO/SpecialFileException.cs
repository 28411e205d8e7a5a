using System.IO;

namespace Repro.Build.IO;

/// <summary>A path that had to be a regular file is a FIFO, device, socket or folder; it was not opened.</summary>
public sealed class SpecialFileException : IOException
{
    public SpecialFileException(string path, FileKind kind)
        : base($"'{path}' is {FileProbe.Describe(kind)}, so it was not read.")
    {
        Path = path;
        Kind = kind;
    }

    public string Path { get; }

    public FileKind Kind { get; }
}
