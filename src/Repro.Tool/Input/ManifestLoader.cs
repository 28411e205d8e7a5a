using System.Text.Json;
using Repro.Build;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Runs.Records;

namespace Repro.Tool.Input;

/// <summary>
/// Turns what the user names (a <c>.repro.json</c>, an assembly that embeds one, a project folder, a run record or a
/// run id) into a manifest, or into one clear <see cref="ToolInputException"/>: missing, not JSON, cut short, a future
/// format, no manifest. Every command that reads a build reads it here, so each accepts the same inputs.
/// </summary>
public static class ManifestLoader
{
    /// <summary>Manifests list every file of large data sets; anything larger than this is not one of ours.</summary>
    public const long MaxManifestBytes = 256L * 1024 * 1024;

    /// <summary>A run id as Repro.Runs makes them (<c>20261128-071522-123-3f9a1c</c>): named, it was meant as a run.</summary>
    private static readonly System.Text.RegularExpressions.Regex RunIdShape = new(@"^[0-9]{8}-[0-9]{6}-[0-9]{3}-[0-9a-f]+$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static LoadedManifest Load(string argument)
    {
        if (RunLoader.TryLoad(argument, Directory.GetCurrentDirectory()) is { } run)
        {
            return FromRun(run, argument);
        }

        var path = FullPath(argument);
        if (Directory.Exists(path))
        {
            var found = FindInProject(path);
            return found.Count switch
            {
                0 => throw new ToolInputException(DiagnosticIds.ToolNoManifestFound,
                    $"'{argument}' is a folder with no manifest under bin/: build the project first, or name a .repro.json file."),
                1 => Load(found[0]),
                _ => throw new ToolInputException(DiagnosticIds.ToolNoManifestFound,
                    $"'{argument}' has {found.Count} manifests ({string.Join(", ", found.Select(f => PathText.Relative(path, f)))}): name one of them."),
            };
        }

        if (RunIdShape.IsMatch(argument) && !File.Exists(path))
        {
            throw new ToolInputException(DiagnosticIds.ToolInputMissing,
                $"'{argument}' is neither a file nor a run in {RunStore.Locate(Directory.GetCurrentDirectory())} (REPRO_RUNS_DIR, else .repro/runs at " +
                    $"the work tree's root): run 'dotnet repro runs' to list them.");
        }

        var bytes = ReadBytes(path, argument);
        if (bytes.Length >= 2 && bytes[0] == (byte)'M' && bytes[1] == (byte)'Z')
        {
            return new LoadedManifest(Parse(AssemblyManifestReader.Read(bytes, argument), argument + " (Repro.Manifest.json)"), path, ManifestOrigin.Assembly);
        }

        if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
        {
            throw new ToolInputException(DiagnosticIds.ToolAssemblyWithoutManifest, $"'{argument}' has no manifest to read: it is not a .NET assembly.");
        }

        return new LoadedManifest(Parse(bytes, argument), path, ManifestOrigin.File);
    }

    /// <summary>
    /// The build a run ran: the manifest its program embedded, which the run record keeps in <c>build.manifest</c>.
    /// </summary>
    public static LoadedManifest FromRun(LoadedRun run, string argument)
    {
        if (run.Record.Build?.Manifest is not { ValueKind: JsonValueKind.Object } embedded)
        {
            throw new ToolInputException(DiagnosticIds.ToolAssemblyWithoutManifest,
                $"'{argument}' is run {run.Record.RunId}, whose program embedded no manifest (built without Repro.Build, REPRO403): there is no build " +
                    $"to read.");
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(embedded);
        return new LoadedManifest(Parse(bytes, argument + " (build.manifest)"), run.Path, ManifestOrigin.Run, run);
    }

    /// <summary>Every manifest a folder's builds wrote (one per configuration and framework), or the one file or run named.</summary>
    /// <param name="configuration">For a project folder, the configuration whose manifests to load (<c>bin/&lt;configuration&gt;/</c>);
    /// null takes the configuration built last, so that a stale Debug build does not stand beside today's Release one.</param>
    /// <param name="skipped">The configurations of the folder that were left out, with their newest manifest.</param>
    public static IReadOnlyList<LoadedManifest> LoadAll(string argument, string? configuration, out IReadOnlyList<string> skipped)
    {
        skipped = Array.Empty<string>();
        var path = FullPath(argument);
        if (!Directory.Exists(path))
        {
            return new[] { Load(argument) }; // a file, or a run id: Load looks for the run first
        }

        if (RunLoader.TryLoad(argument, Directory.GetCurrentDirectory()) is { } run)
        {
            return new[] { FromRun(run, argument) }; // a run's folder, read once (a record can be 64 MiB)
        }

        var found = FindInProject(path);
        if (found.Count == 0)
        {
            throw new ToolInputException(DiagnosticIds.ToolNoManifestFound,
                $"'{argument}' is a folder with no manifest under bin/: build the project first, or name a .repro.json file.");
        }

        // bin/<configuration>/<framework>[/<runtime>]/name.repro.json
        var byConfiguration = found.GroupBy(f => Path.GetRelativePath(Path.Combine(path, "bin"), f).Split(Path.DirectorySeparatorChar)[0],
            StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        string chosen;
        if (configuration is not null)
        {
            if (!byConfiguration.ContainsKey(configuration))
            {
                throw new ToolInputException(DiagnosticIds.ToolNoManifestFound,
                    $"'{argument}' has no manifest of configuration {configuration} under bin/ (there are: " +
                        $"{string.Join(", ", byConfiguration.Keys.OrderBy(k => k, StringComparer.Ordinal))}).");
            }

            chosen = byConfiguration.Keys.First(k => string.Equals(k, configuration, StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            chosen = byConfiguration.OrderByDescending(g => g.Value.Max(File.GetLastWriteTimeUtc)).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        }

        skipped = byConfiguration.Keys.Where(k => k != chosen).OrderBy(k => k, StringComparer.Ordinal).ToList();
        return byConfiguration[chosen].Select(f => Load(f)).ToList();
    }

    /// <summary>
    /// The manifests a project folder's builds wrote: <c>bin/&lt;configuration&gt;/&lt;framework&gt;[/&lt;runtime&gt;]/*.repro.json</c>,
    /// sorted by path.
    /// </summary>
    public static IReadOnlyList<string> FindInProject(string projectDirectory)
    {
        var bin = Path.Combine(projectDirectory, "bin");
        if (!Directory.Exists(bin))
        {
            return Array.Empty<string>();
        }

        var found = new List<string>();
        Collect(bin, depth: 0, found);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>Parses manifest JSON, checking the format version before the shape so a newer file says so.</summary>
    public static ReproManifest Parse(byte[] utf8, string displayName)
    {
        int version;
        try
        {
            version = ReadSchemaVersion(utf8, displayName);
        }
        catch (JsonException ex)
        {
            throw NotManifest(displayName, JsonProblem.Describe(ex, utf8));
        }

        if (version > ReproManifest.CurrentSchemaVersion)
        {
            throw new ToolInputException(DiagnosticIds.ToolSchemaUnsupported,
                $"'{displayName}' has schemaVersion {version}; this dotnet-repro reads versions 1 to {ReproManifest.CurrentSchemaVersion}: update the " +
                    $"tool (dotnet tool update dotnet-repro).");
        }

        if (version < 1)
        {
            throw NotManifest(displayName, $"its schemaVersion {version} is not a version of the format");
        }

        try
        {
            return ManifestSerializer.FromUtf8Bytes(utf8);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
        {
            var where = ex is JsonException { Path: { Length: > 0 } jsonPath } ? $" at {jsonPath}" : "";
            throw NotManifest(displayName, $"a value{where} has the wrong type ({FirstLine(ex.Message)})");
        }
    }

    /// <summary>
    /// The top-level <c>schemaVersion</c>, read with a forward-only reader (no document is built: the deserializer
    /// reads the file next). The whole file is scanned, so a truncated file fails here, with its position.
    /// </summary>
    private static int ReadSchemaVersion(byte[] utf8, string displayName)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read())
        {
            throw NotManifest(displayName, "the file is empty");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw NotManifest(displayName, $"the JSON value is {Describe(reader.TokenType)}, not an object");
        }

        int? version = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("runId"))
            {
                throw NotManifest(displayName,
                    "it is a run record (run.json of Repro.Runs) under a manifest's name: rename it run.json, or name its folder or run id");
            }

            var isVersion = reader.ValueTextEquals("schemaVersion");
            reader.Read();
            if (isVersion && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
            {
                version = number;
            }
            else
            {
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            // Read() past the end throws for trailing content; a missing end throws before.
            throw NotManifest(displayName, "it is not valid JSON");
        }

        return version ?? throw NotManifest(displayName, "it has no integer \"schemaVersion\"");
    }

    private static byte[] ReadBytes(string path, string argument)
    {
        switch (FileProbe.Inspect(path))
        {
            case FileKind.Missing:
                throw new ToolInputException(DiagnosticIds.ToolInputMissing, $"'{argument}' does not exist.");
            case FileKind.Regular:
                break;
            case var other:
                throw new ToolInputException(DiagnosticIds.ToolInputMissing, $"'{argument}' is {FileProbe.Describe(other)}, not a file: it was not read.");
        }

        try
        {
            return FileProbe.ReadAllBytes(path, MaxManifestBytes);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            throw new ToolInputException(DiagnosticIds.ToolInputMissing, $"'{argument}' could not be read: {FirstLine(ex.Message)}");
        }
    }

    private static void Collect(string directory, int depth, List<string> found)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*" + BuildOutputFiles.ManifestSuffix))
        {
            found.Add(file);
        }

        if (depth < 3)
        {
            foreach (var child in Directory.EnumerateDirectories(directory))
            {
                if (FileProbe.Inspect(child, followLinks: false) == FileKind.Directory)
                {
                    Collect(child, depth + 1, found);
                }
            }
        }
    }

    private static string FullPath(string argument)
    {
        try
        {
            return Path.GetFullPath(argument);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ToolInputException(DiagnosticIds.ToolInputMissing, $"'{argument}' is not a valid path: {FirstLine(ex.Message)}");
        }
    }

    private static ToolInputException NotManifest(string displayName, string why) =>
        new(DiagnosticIds.ToolInputNotManifest, $"'{displayName}' is not a Repro.Build manifest: {why}.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "a " + token.ToString().ToLowerInvariant(),
    };

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
