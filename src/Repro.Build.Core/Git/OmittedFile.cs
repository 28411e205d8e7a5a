namespace Repro.Build.Git;

/// <summary>A file changed in the working tree that the patch does not carry, and why.</summary>
public sealed class OmittedFile
{
    public OmittedFile(string path, string reason)
    {
        Path = path;
        Reason = reason;
    }

    public string Path { get; }

    /// <summary><c>secret-name</c>, <c>secret-content</c>, <c>special-file</c> (FIFOs, devices, sockets), <c>unreadable</c> or <c>size-cap</c>.</summary>
    public string Reason { get; }
}
