namespace Repro.Tool.Services;

/// <summary>The report's style and script, kept as files of their own (embedded resources) and inlined into the page.</summary>
internal static class ReportAssets
{
    private static readonly Lazy<string> StyleText = new(() => Read("Repro.Tool.Report.report.css"));
    private static readonly Lazy<string> ScriptText = new(() => Read("Repro.Tool.Report.report.js"));

    public static string Style => StyleText.Value;

    public static string Script => ScriptText.Value;

    private static string Read(string name)
    {
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The tool's resource {name} is missing from its assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
