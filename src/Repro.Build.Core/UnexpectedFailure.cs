using System;
using System.Diagnostics;

namespace Repro.Build;

/// <summary>
/// The one line a REPRO900 gives for a failure we did not expect: the exception's type, the first line of its message,
/// and the method of ours it came from, so that a report (or a CI log) says where to look without a stack trace.
/// </summary>
public static class UnexpectedFailure
{
    public static string Describe(Exception exception)
    {
        if (exception is null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        var inner = exception is AggregateException { InnerException: { } first } ? first : exception;
        var message = inner.Message;
        var newline = message.IndexOf('\n');
        var text = $"{inner.GetType().Name}: {(newline >= 0 ? message.Substring(0, newline) : message).Trim()}";
        var site = SiteOf(inner);
        return site is null ? text : $"{text} (in {site})";
    }

    /// <summary>The innermost method of ours (a <c>Repro.</c> namespace) on the exception's stack, as Type.Method.</summary>
    private static string? SiteOf(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: false).GetFrames() ?? Array.Empty<StackFrame>())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            // A lambda or iterator lives in a nested compiler-generated type: name the type that wrote it.
            while (type?.DeclaringType is not null && type.Name.IndexOf('<') >= 0)
            {
                type = type.DeclaringType;
            }

            if (type?.Namespace is { } ns && (ns == "Repro" || ns.StartsWith("Repro.", StringComparison.Ordinal)))
            {
                return type.Name + "." + method!.Name;
            }
        }

        return null;
    }
}
