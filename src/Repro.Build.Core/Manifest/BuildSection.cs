using System.Collections.Generic;

namespace Repro.Build.Manifest;

/// <summary>The build settings that change what the compiler produces.</summary>
public sealed class BuildSection
{
    public string? Configuration { get; set; }

    public string? Platform { get; set; }

    public string? Optimize { get; set; }

    public string? Deterministic { get; set; }

    public string? DefineConstants { get; set; }

    public string? RuntimeIdentifier { get; set; }

    public string? LangVersion { get; set; }

    public string? Nullable { get; set; }

    public string? CheckForOverflowUnderflow { get; set; }

    /// <summary>The properties the project names with <c>ReproProperty</c> items, sorted by name.</summary>
    public SortedDictionary<string, string> Properties { get; set; } = new(System.StringComparer.Ordinal);
}
