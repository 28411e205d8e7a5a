using System;
using System.IO;
using System.Security;
using System.Text;
using System.Text.Json;

namespace Repro.Build.IO;

/// <summary>
/// The one answer to "is this an expected failure to read the user's files?". Expected failures become REPRO
/// diagnostics with a message that says what to do; anything else is a bug of ours (REPRO900).
/// </summary>
public static class ReadFailure
{
    public static bool IsExpected(Exception ex) =>
        ex is IOException                   // includes FileNotFound, DirectoryNotFound, PathTooLong, SpecialFile, FileTooLarge
            or UnauthorizedAccessException
            or InvalidDataException         // a reader's own "this file is malformed"
            or JsonException
            or DecoderFallbackException
            or SecurityException
            or NotSupportedException        // a path form the platform does not take
            or ArgumentException;           // a path with characters the platform does not take
}
