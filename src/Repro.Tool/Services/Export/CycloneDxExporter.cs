using System.Globalization;
using System.Text.Json;

namespace Repro.Tool.Services;

/// <summary>
/// A CycloneDX 1.6 JSON SBOM of one build: the project as the metadata component, packages as
/// <c>pkg:nuget/Id@Version</c> libraries with hex SHA-512 hashes, data items, config files and (for a run) the files
/// it read as <c>data</c> components, the trained models (named, or a run's model outputs) as
/// <c>machine-learning-model</c> components. No time stamp and a serial number derived from the input: the same input
/// gives the same bytes.
/// </summary>
public static class CycloneDxExporter
{
    public const string SpecVersion = "1.6";

    public static void Write(Utf8JsonWriter json, ExportInputs inputs)
    {
        var m = inputs.Manifest;
        var projectRef = "project:" + (m.Project.Name ?? "unnamed");
        json.WriteStartObject();
        json.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        json.WriteString("bomFormat", "CycloneDX");
        json.WriteString("specVersion", SpecVersion);
        json.WriteString("serialNumber", "urn:uuid:" + ExportInputs.StableUuid(inputs.IdentityBytes));
        json.WriteNumber("version", 1);

        json.WriteStartObject("metadata");
        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("name", "dotnet-repro");
        json.WriteString("version", ExportInputs.ToolVersion);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("component");
        json.WriteString("type", "application");
        json.WriteString("bom-ref", projectRef);
        json.WriteString("name", m.Project.Name ?? "unnamed");
        if (m.Git?.Commit is { } commit)
        {
            json.WriteString("version", commit);
        }

        if (inputs.Assembly is { } assembly)
        {
            WriteHashes(json, ("SHA-256", assembly.Sha256));
        }

        if (m.Git?.Remote is { Length: > 0 } remote)
        {
            json.WriteStartArray("externalReferences");
            json.WriteStartObject();
            json.WriteString("type", "vcs");
            json.WriteString("url", remote);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        WriteProperties(json, new[]
        {
            ("repro:fingerprint", m.Fingerprint),
            ("repro:targetFramework", m.Project.TargetFramework),
            ("repro:configuration", m.Project.Configuration),
            ("repro:git.dirty", m.Git?.Dirty is { } dirty ? (dirty ? "true" : "false") : null),
            ("repro:git.patchSha256", m.Git?.PatchSha256),
            ("repro:seed", m.Seed),
            ("repro:sdkVersion", m.Toolchain.SdkVersion),
            ("repro:compilerVersion", m.Toolchain.CompilerVersion),
            ("repro:run.id", inputs.Loaded.Run?.Record.RunId),
            ("repro:run.name", inputs.Loaded.Run?.Record.Name),
            ("repro:run.status", inputs.Loaded.Run?.Record.Status),
        });
        json.WriteEndObject();
        json.WriteEndObject();

        // The build depends on its data and config; a run's other inputs fed only the training.
        var buildRefs = inputs.Data.Where(d => !d.Reference.StartsWith("input:", System.StringComparison.Ordinal)).Select(d => d.Reference).ToList();
        json.WriteStartArray("components");
        foreach (var package in m.Dependencies.Packages)
        {
            json.WriteStartObject();
            json.WriteString("type", "library");
            json.WriteString("bom-ref", ExportInputs.Purl(package));
            json.WriteString("name", package.Id);
            json.WriteString("version", package.Version);
            json.WriteString("scope", "required");
            if (ExportInputs.Sha512Hex(package.Sha512) is { } sha512)
            {
                WriteHashes(json, ("SHA-512", sha512));
            }

            json.WriteString("purl", ExportInputs.Purl(package));
            json.WriteEndObject();
        }

        foreach (var data in inputs.Data)
        {
            WriteData(json, data);
        }

        foreach (var model in inputs.Models)
        {
            json.WriteStartObject();
            json.WriteString("type", "machine-learning-model");
            json.WriteString("bom-ref", "model:" + model.Name);
            json.WriteString("name", model.Name);
            WriteHashes(json, ("SHA-256", model.Sha256));
            WriteProperties(json, new (string Name, string? Value)[] { ("repro:size", model.Size.ToString(CultureInfo.InvariantCulture)) });
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("dependencies");
        json.WriteStartObject();
        json.WriteString("ref", projectRef);
        json.WriteStartArray("dependsOn");
        foreach (var reference in m.Dependencies.Packages.Where(p => p.Direct).Select(ExportInputs.Purl).Concat(buildRefs))
        {
            json.WriteStringValue(reference);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        foreach (var trained in inputs.Models)
        {
            json.WriteStartObject();
            json.WriteString("ref", "model:" + trained.Name);
            json.WriteStartArray("dependsOn");
            json.WriteStringValue(projectRef);
            foreach (var reference in inputs.Data.Select(d => d.Reference))
            {
                json.WriteStringValue(reference);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter json, ExportedData data)
    {
        json.WriteStartObject();
        json.WriteString("type", "data");
        json.WriteString("bom-ref", data.Reference);
        json.WriteString("name", data.Name);
        if (data.Sha256 is { Length: 64 } sha256)
        {
            WriteHashes(json, ("SHA-256", sha256));
        }

        json.WriteStartArray("data");
        json.WriteStartObject();
        json.WriteString("type", data.DataType);
        json.WriteString("name", data.Name);
        json.WriteEndObject();
        json.WriteEndArray();
        WriteProperties(json, data.Properties);
        json.WriteEndObject();
    }

    private static void WriteHashes(Utf8JsonWriter json, params (string Algorithm, string Content)[] hashes)
    {
        json.WriteStartArray("hashes");
        foreach (var (algorithm, content) in hashes)
        {
            json.WriteStartObject();
            json.WriteString("alg", algorithm);
            json.WriteString("content", content);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteProperties(Utf8JsonWriter json, IEnumerable<(string Name, string? Value)> properties)
    {
        var present = properties.Where(p => p.Value is not null).ToList();
        if (present.Count == 0)
        {
            return;
        }

        json.WriteStartArray("properties");
        foreach (var (name, value) in present)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
