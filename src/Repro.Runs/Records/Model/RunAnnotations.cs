using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Repro.Runs.Records;

/// <summary>
/// What a team says about a run after the fact (<c>tags.json</c> beside run.json): tags and a note, written by
/// <c>dotnet repro runs tag</c> and <c>runs note</c>, never by the running program, and shared by push and pull.
/// </summary>
public sealed class RunAnnotations
{
    /// <summary>When this file was last written (ISO 8601 UTC): of two copies, the later one wins a merge.</summary>
    public string LastWriteTime { get; set; } = "";

    /// <summary>key → value, in ordinal order of keys (filled in place when read, so the order is the ordinal one).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public SortedDictionary<string, string> Tags { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Free text (Markdown welcome), or null.</summary>
    public string? Note { get; set; }
}
