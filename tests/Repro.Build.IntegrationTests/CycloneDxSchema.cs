using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace Repro.Build.IntegrationTests;

/// <summary>The official CycloneDX 1.6 JSON schema (Schemas/cyclonedx/README.md), with the two schemas it references registered locally.</summary>
internal static class CycloneDxSchema
{
    private static readonly Lazy<JsonSchema> Bom = new(Load);

    /// <summary>The schema's errors for a document, empty when it is valid.</summary>
    public static string Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Bom.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return "";
        }

        return string.Join("\n", (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
    }

    private static JsonSchema Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Schemas", "cyclonedx");
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        foreach (var referenced in new[] { "spdx.schema.json", "jsf-0.82.schema.json" })
        {
            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, referenced)), options);
            options.SchemaRegistry.Register(schema);
        }

        return JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, "bom-1.6.schema.json")), options);
    }
}
