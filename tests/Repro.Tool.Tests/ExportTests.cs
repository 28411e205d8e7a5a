using System;
using System.IO;
using System.Text.Json;
using Repro.Build.Manifest;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

public sealed class ExportTests
{
    [Fact]
    public void NuGet_content_hashes_become_hex_and_packages_purls()
    {
        Assert.Equal(128, ExportInputs.Sha512Hex(Manifests.Sample().Dependencies.Packages[0].Sha512)!.Length);
        Assert.Null(ExportInputs.Sha512Hex("not base64!"));
        Assert.Equal("pkg:nuget/Microsoft.ML@5.0.1", ExportInputs.Purl(Manifests.Sample().Dependencies.Packages[0]));
    }

    [Fact]
    public void The_serial_number_is_a_version_5_style_uuid_of_the_input()
    {
        var uuid = ExportInputs.StableUuid(new byte[] { 1, 2, 3 });

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", uuid);
        Assert.Equal(uuid, ExportInputs.StableUuid(new byte[] { 1, 2, 3 }));
        Assert.NotEqual(uuid, ExportInputs.StableUuid(new byte[] { 1, 2, 4 }));
    }

    [Fact]
    public void Both_formats_are_byte_identical_for_one_input_and_carry_the_packages_and_data()
    {
        var folder = Path.Combine(Path.GetTempPath(), "repro-export-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "Trainer.repro.json");
            File.WriteAllBytes(path, ManifestSerializer.ToUtf8Bytes(Manifests.Sample()));
            var inputs = ExportInputs.Gather(ManifestLoader.Load(path), null);

            var sbom = ToolConsole.JsonText(w => CycloneDxExporter.Write(w, inputs));
            var provenance = ToolConsole.JsonText(w => SlsaExporter.Write(w, inputs));

            Assert.Equal(sbom, ToolConsole.JsonText(w => CycloneDxExporter.Write(w, ExportInputs.Gather(ManifestLoader.Load(path), null))));
            Assert.Equal(provenance, ToolConsole.JsonText(w => SlsaExporter.Write(w, inputs)));
            using var bom = JsonDocument.Parse(sbom);
            Assert.Equal("1.6", bom.RootElement.GetProperty("specVersion").GetString());
            Assert.Equal(3, bom.RootElement.GetProperty("components").GetArrayLength()); // two packages, one data folder
            using var statement = JsonDocument.Parse(provenance);
            var subject = statement.RootElement.GetProperty("subject")[0];
            Assert.Equal("Trainer.repro.json", subject.GetProperty("name").GetString()); // no assembly beside it
            Assert.Equal("urn:dotnet-repro:builder:local", statement.RootElement.GetProperty("predicate").GetProperty("runDetails").GetProperty("builder").GetProperty("id").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
