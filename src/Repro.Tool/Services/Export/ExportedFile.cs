namespace Repro.Tool.Services;

/// <summary>A file an export names by its file name, SHA-256 (hex) and size.</summary>
public sealed class ExportedFile
{
    public ExportedFile(string name, string sha256, long size)
    {
        Name = name;
        Sha256 = sha256;
        Size = size;
    }

    public string Name { get; }

    public string Sha256 { get; }

    public long Size { get; }
}
