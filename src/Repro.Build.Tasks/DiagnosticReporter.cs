using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Repro.Build.Tasks;

/// <summary>The one way a task reports a <see cref="ReproDiagnostic"/>: code, help link, file and severity as MSBuild shows them.</summary>
internal static class DiagnosticReporter
{
    /// <param name="defaultFile">Where findings about the project as a whole point: the project file, not our targets file.</param>
    public static void Report(this TaskLoggingHelper log, ReproDiagnostic diagnostic, string? defaultFile)
    {
        var file = diagnostic.File ?? defaultFile ?? "";
        var helpLink = DiagnosticIds.HelpLink(diagnostic.Code);
        switch (diagnostic.Severity)
        {
            case ReproDiagnosticSeverity.Error:
                log.LogError(null, diagnostic.Code, null, helpLink, file, 0, 0, 0, 0, "{0}", diagnostic.Message);
                break;
            case ReproDiagnosticSeverity.Warning:
                log.LogWarning(null, diagnostic.Code, null, helpLink, file, 0, 0, 0, 0, "{0}", diagnostic.Message);
                break;
            default:
                log.LogMessage(null, diagnostic.Code, null, file, 0, 0, 0, 0, MessageImportance.Normal, "{0}", diagnostic.Message);
                break;
        }
    }

    public static void Warn(this TaskLoggingHelper log, string code, string message, string? file) =>
        log.Report(new ReproDiagnostic(code, ReproDiagnosticSeverity.Warning, message, file), file);
}
