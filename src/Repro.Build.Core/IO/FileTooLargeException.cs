using System.Globalization;
using System.IO;

namespace Repro.Build.IO;

/// <summary>A file is larger than a reader is willing to hold in memory.</summary>
public sealed class FileTooLargeException : IOException
{
    public FileTooLargeException(string path, long length, long maxBytes)
        : base(string.Format(CultureInfo.InvariantCulture, "'{0}' has {1:N0} bytes, more than the {2:N0} this reader takes.", path, length, maxBytes))
    {
    }
}
