using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Repro.Build.Manifest;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

public sealed class ExportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "repro-export-" + Guid.NewGuid().ToString("N")[..12]);

    public ExportTests()
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

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
        var path = WriteManifest();
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

    [Theory]
    [InlineData("bin/model.zip", true)]
    [InlineData("out/Model.ONNX", true)]
    [InlineData("weights.safetensors", true)]
    [InlineData("checkpoints/saved_model/", true)]
    [InlineData("bin/metrics.csv", false)]
    [InlineData("predictions/", false)]
    [InlineData("model-notes.txt", false)]
    public void A_run_output_is_a_model_by_its_format_or_a_folder_named_so(string path, bool isModel)
    {
        Assert.Equal(isModel, ExportInputs.IsModelPath(path));
    }

    [Fact]
    public void A_run_exports_its_data_as_read_its_inputs_and_its_model_outputs_byte_identically()
    {
        var path = Path.Combine(_folder, "run.json");
        File.WriteAllBytes(path, Repro.Runs.Records.RunRecordSerializer.ToUtf8Bytes(Manifests.SampleRun()));
        var inputs = ExportInputs.Gather(ManifestLoader.Load(path), null);

        var sbom = ToolConsole.JsonText(w => CycloneDxExporter.Write(w, inputs));

        Assert.Equal(sbom, ToolConsole.JsonText(w => CycloneDxExporter.Write(w, ExportInputs.Gather(ManifestLoader.Load(path), null))));
        Assert.Equal(new[] { "bin/model.zip", "bin/model.onnx", "bin/saved_model/" }, inputs.Models.Select(m => m.Name));
        using var bom = JsonDocument.Parse(sbom);
        var components = bom.RootElement.GetProperty("components").EnumerateArray().ToList();
        var models = components.Where(c => c.GetProperty("type").GetString() == "machine-learning-model").ToList();
        Assert.Equal(3, models.Count);
        Assert.Equal(new string('7', 64), models[0].GetProperty("hashes")[0].GetProperty("content").GetString());
        var data = components.Where(c => c.GetProperty("type").GetString() == "data").ToDictionary(c => c.GetProperty("bom-ref").GetString()!);
        Assert.Equal(new[] { "data:data/", "input:extra/labels.csv" }, data.Keys); // bin/model.zip read by a step is an output, not data
        Assert.Equal(new string('9', 64), data["data:data/"].GetProperty("hashes")[0].GetProperty("content").GetString()); // as the run read it
        Assert.Contains(data["data:data/"].GetProperty("properties").EnumerateArray(), p => p.GetProperty("name").GetString() == "repro:build.sha256" && p.GetProperty("value").GetString() == new string('d', 64));
        var model = bom.RootElement.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == "model:bin/model.onnx");
        Assert.Contains("input:extra/labels.csv", model.GetProperty("dependsOn").EnumerateArray().Select(r => r.GetString()));
        var serial = bom.RootElement.GetProperty("serialNumber").GetString();
        var ofTheBuild = ToolConsole.JsonText(w => CycloneDxExporter.Write(w, ExportInputs.Gather(ManifestLoader.Load(WriteManifest()), null)));
        Assert.DoesNotContain(serial!, ofTheBuild, StringComparison.Ordinal); // a run is not its build
        using var statement = JsonDocument.Parse(ToolConsole.JsonText(w => SlsaExporter.Write(w, inputs)));
        Assert.Equal(new[] { "bin/model.zip", "bin/model.onnx", "bin/saved_model/" }, statement.RootElement.GetProperty("subject").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    private string WriteManifest()
    {
        var path = Path.Combine(_folder, "Trainer.repro.json");
        File.WriteAllBytes(path, ManifestSerializer.ToUtf8Bytes(Manifests.Sample()));
        return path;
    }
}
