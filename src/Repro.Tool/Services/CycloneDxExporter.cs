using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Repro.Build.Manifest;

namespace Repro.Tool.Services;

/// <summary>
/// A CycloneDX 1.6 JSON SBOM of one build: the project as the metadata component, packages as
/// <c>pkg:nuget/Id@Version</c> libraries with hex SHA-512 hashes, data items and config files as <c>data</c>
/// components, the trained model (when named) as a <c>machine-learning-model</c>. No time stamp and a serial number
/// derived from the input: the same input gives the same bytes.
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
        json.WriteString("serialNumber", "urn:uuid:" + ExportInputs.StableUuid(ManifestSerializer.ToUtf8Bytes(m)));
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
        });
        json.WriteEndObject();
        json.WriteEndObject();

        var dataRefs = new List<string>();
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

        foreach (var item in m.Data.Items)
        {
            var reference = "data:" + item.Name;
            dataRefs.Add(reference);
            WriteData(json, reference, item.Name, "dataset", item.Sha256, new (string Name, string? Value)[]
            {
                ("repro:fileCount", item.FileCount.ToString(CultureInfo.InvariantCulture)),
                ("repro:size", item.Size.ToString(CultureInfo.InvariantCulture)),
            });
        }

        foreach (var file in m.Config)
        {
            var reference = "config:" + file.Path;
            dataRefs.Add(reference);
            WriteData(json, reference, file.Path, "configuration", file.Sha256, System.Array.Empty<(string Name, string? Value)>());
        }

        if (inputs.Model is { } model)
        {
            json.WriteStartObject();
            json.WriteString("type", "machine-learning-model");
            json.WriteString("bom-ref", "model:" + model.Name);
            json.WriteString("name", model.Name);
            WriteHashes(json, ("SHA-256", model.Sha256));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("dependencies");
        json.WriteStartObject();
        json.WriteString("ref", projectRef);
        json.WriteStartArray("dependsOn");
        foreach (var reference in m.Dependencies.Packages.Where(p => p.Direct).Select(ExportInputs.Purl).Concat(dataRefs))
        {
            json.WriteStringValue(reference);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        if (inputs.Model is { } trained)
        {
            json.WriteStartObject();
            json.WriteString("ref", "model:" + trained.Name);
            json.WriteStartArray("dependsOn");
            json.WriteStringValue(projectRef);
            foreach (var reference in dataRefs)
            {
                json.WriteStringValue(reference);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter json, string reference, string name, string dataType, string? sha256, IEnumerable<(string Name, string? Value)> properties)
    {
        json.WriteStartObject();
        json.WriteString("type", "data");
        json.WriteString("bom-ref", reference);
        json.WriteString("name", name);
        if (sha256 is { Length: 64 })
        {
            WriteHashes(json, ("SHA-256", sha256));
        }

        json.WriteStartArray("data");
        json.WriteStartObject();
        json.WriteString("type", dataType);
        json.WriteString("name", name);
        json.WriteEndObject();
        json.WriteEndArray();
        WriteProperties(json, properties);
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
