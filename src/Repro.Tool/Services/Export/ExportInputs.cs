using System.Globalization;
using System.Reflection;
using Repro.Build;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Runs.Records;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// What both export formats describe besides the manifest: the built assembly (beside the manifest, read, or the run's
/// program), the data sets, the trained models (named with <c>--model</c>, or the outputs of a run that are models,
/// <see cref="IsModelPath"/>), and the manifest or run record's own hash. Hex digests throughout.
/// </summary>
public sealed class ExportInputs
{
    /// <summary>
    /// The file name endings of the model formats a run's outputs are recognized by (ML.NET's .zip, ONNX, PyTorch,
    /// TorchSharp and ML.NET .bin, safetensors, GGUF, Keras/HDF5, TensorFlow, TF Lite, scikit-learn pickles, checkpoints,
    /// Core ML); a folder counts when its name says "model" (a TensorFlow saved_model/, a Hugging Face model folder).
    /// </summary>
    public static readonly IReadOnlyList<string> ModelExtensions = new[]
    {
        ".zip", ".onnx", ".pt", ".pth", ".bin", ".safetensors", ".gguf", ".h5", ".keras", ".pb", ".tflite", ".pkl", ".joblib", ".ckpt", ".mlmodel", ".model",
    };

    private ExportInputs(LoadedManifest loaded, ExportedFile? assembly, IReadOnlyList<ExportedFile> models, IReadOnlyList<ExportedData> data,
        ExportedFile? manifestFile)
    {
        Loaded = loaded;
        Assembly = assembly;
        Models = models;
        Data = data;
        ManifestFile = manifestFile;
    }

    public LoadedManifest Loaded { get; }

    public ReproManifest Manifest => Loaded.Manifest;

    public ExportedFile? Assembly { get; }

    /// <summary>The trained models: the file named with <c>--model</c>, then a run's model outputs in the order logged.</summary>
    public IReadOnlyList<ExportedFile> Models { get; }

    /// <summary>The build's data items and config files, then (for a run) the other files and folders the run read.</summary>
    public IReadOnlyList<ExportedData> Data { get; }

    /// <summary>The file read when it is not the assembly: the <c>.repro.json</c>, or the run's <c>run.json</c>.</summary>
    public ExportedFile? ManifestFile { get; }

    /// <summary>What the serial number is derived from: the run record for a run, else the manifest.</summary>
    public byte[] IdentityBytes => Loaded.Run is { } run ? RunRecordSerializer.ToUtf8Bytes(run.Record) : ManifestSerializer.ToUtf8Bytes(Manifest);

    /// <summary>The tool's version as its package has it (no build metadata: exports of one input stay identical across rebuilds of one version).</summary>
    public static string ToolVersion
    {
        get
        {
            var version = typeof(ExportInputs).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+');
            return plus >= 0 ? version.Substring(0, plus) : version;
        }
    }

    public static ExportInputs Gather(LoadedManifest loaded, string? modelPath)
    {
        var assembly = loaded.AssemblyPath is { } assemblyPath ? Hash(assemblyPath, required: loaded.Origin == ManifestOrigin.Assembly) : null;
        var manifestFile = loaded.Origin == ManifestOrigin.Assembly ? null : Hash(loaded.Path, required: true);
        var models = new List<ExportedFile>();
        if (modelPath is not null)
        {
            models.Add(Hash(Path.GetFullPath(modelPath), required: true)!);
        }

        if (loaded.Run?.Record is { } run)
        {
            foreach (var output in run.Outputs.Concat(run.Steps.SelectMany(s => s.Outputs)))
            {
                if (output.Sha256 is { Length: 64 } sha256 && IsModelPath(output.Path) && !models.Any(m => m.Name == output.Path || m.Sha256 == sha256))
                {
                    models.Add(new ExportedFile(output.Path, sha256, output.Size));
                }
            }
        }

        return new ExportInputs(loaded, assembly, models, GatherData(loaded, models), manifestFile);
    }

    /// <summary>Is this output of a run a trained model? By its file name ending, or a folder whose name says so.</summary>
    public static bool IsModelPath(string path)
    {
        if (path.EndsWith("/", StringComparison.Ordinal))
        {
            var folder = path.TrimEnd('/');
            return folder.Substring(folder.LastIndexOf('/') + 1).Contains("model", StringComparison.OrdinalIgnoreCase);
        }

        return ModelExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
    }

    private static List<ExportedData> GatherData(LoadedManifest loaded, IReadOnlyList<ExportedFile> models)
    {
        var run = loaded.Run?.Record;
        var data = new List<ExportedData>();
        foreach (var item in loaded.Manifest.Data.Items)
        {
            // A run hashed the build's data again when it started: what the run read is what it had then.
            var atRun = run?.Data.FirstOrDefault(d => d.Name == item.Name);
            var sha256 = atRun is null || atRun.State == RunDataState.Unchecked ? item.Sha256 : atRun.Sha256;
            data.Add(new ExportedData("data:" + item.Name, item.Name, "dataset", sha256, new (string, string?)[]
            {
                ("repro:fileCount", (atRun?.FileCount ?? item.FileCount).ToString(CultureInfo.InvariantCulture)),
                ("repro:size", (atRun?.Size ?? item.Size).ToString(CultureInfo.InvariantCulture)),
                ("repro:run.state", atRun?.State),
                ("repro:build.sha256", sha256 != item.Sha256 ? item.Sha256 : null),
            }));
        }

        foreach (var file in loaded.Manifest.Config)
        {
            data.Add(new ExportedData("config:" + file.Path, file.Path, "configuration", file.Sha256, Array.Empty<(string, string?)>()));
        }

        if (run is not null)
        {
            foreach (var (input, step) in run.Inputs.Select(i => (i, (string?)null)).Concat(run.Steps.SelectMany(s => s.Inputs.Select(i => (i,
                (string?)s.Name)))))
            {
                if (data.Any(d => d.Name.TrimEnd('/') == input.Path.TrimEnd('/')) || models.Any(m => m.Name == input.Path && m.Sha256 == input.Sha256))
                {
                    continue; // a data item of the build, read twice, or a model the run made and read again (a component already)
                }

                data.Add(new ExportedData("input:" + input.Path, input.Path, "dataset", input.Sha256, new (string, string?)[]
                {
                    ("repro:fileCount", input.FileCount.ToString(CultureInfo.InvariantCulture)),
                    ("repro:size", input.Size.ToString(CultureInfo.InvariantCulture)),
                    ("repro:run.step", step),
                    ("repro:run.producedBy", input.ProducedBy),
                }));
            }
        }

        return data;
    }

    /// <summary>The CycloneDX and SLSA form of a NuGet content hash: the base64 SHA-512 as lower-case hex.</summary>
    public static string? Sha512Hex(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }

        try
        {
            return Hashing.ToHex(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Purl(PackageEntry package) => $"pkg:nuget/{Uri.EscapeDataString(package.Id)}@{Uri.EscapeDataString(package.Version)}";

    /// <summary>A version-5-style UUID from a hash of the input, so that repeated exports are byte-identical.</summary>
    public static string StableUuid(byte[] content)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        var hash = sha.ComputeHash(content);
        hash[6] = (byte)((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80);
        var hex = Hashing.ToHex(hash);
        return $"{hex.Substring(0, 8)}-{hex.Substring(8, 4)}-{hex.Substring(12, 4)}-{hex.Substring(16, 4)}-{hex.Substring(20, 12)}";
    }

    private static ExportedFile? Hash(string path, bool required)
    {
        if (FileProbe.Inspect(path) != FileKind.Regular)
        {
            return required
                ? throw new ToolInputException(DiagnosticIds.ToolInputMissing, $"'{path}' does not exist or is not a regular file.")
                : null;
        }

        try
        {
            return new ExportedFile(Path.GetFileName(path), Repro.Build.Data.StreamHasher.Sha256File(path), new FileInfo(path).Length);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            throw new ToolInputException(DiagnosticIds.ToolInputMissing, $"'{path}' could not be read: {ex.Message}");
        }
    }
}
