using System;
using Repro.Build.Security;
using Repro.Runs.Records;

namespace Repro.Runs;

/// <summary>An exception as the record keeps it: type and message, secrets redacted, no stack trace.</summary>
internal static class RunFailures
{
    public static RunFailure From(Exception exception) => new()
    {
        Type = exception.GetType().FullName,
        Message = SecretDetector.RedactInline(exception.Message),
    };
}
