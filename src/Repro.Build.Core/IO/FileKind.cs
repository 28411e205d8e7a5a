namespace Repro.Build.IO;

/// <summary>What a path names, as <c>lstat</c>/<c>stat</c> tell it.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,

    /// <summary>A symbolic link (only from <see cref="FileProbe.Inspect"/> with <c>followLinks: false</c>).</summary>
    SymbolicLink,

    /// <summary>A FIFO, a character or block device, or a socket: reading one may block forever or never end.</summary>
    Special,
}
