using System.Text.Json;

namespace Repro.Tool.Services;

/// <summary>
/// An SLSA v1 provenance predicate in an in-toto Statement v1: the built assembly (and the models: named, or a run's)
/// as subjects; the project, configuration and seed as external parameters; the toolchain and build settings as
/// internal ones; the commit, patch, packages, data and config (and for a run the files it read) as resolved
/// dependencies with digests; the CI service the manifest recorded as the builder. No times: the same input gives the
/// same bytes.
/// </summary>
public static class SlsaExporter
{
    public const string BuildType = "https://github.com/repro-build/Repro.Build/blob/main/docs/cli.md#slsa-build-type";

    public static void Write(Utf8JsonWriter json, ExportInputs inputs)
    {
        var m = inputs.Manifest;
        json.WriteStartObject();
        json.WriteString("_type", "https://in-toto.io/Statement/v1");
        json.WriteStartArray("subject");
        if (inputs.Assembly is { } assembly)
        {
            WriteDescriptor(json, assembly.Name, null, ("sha256", assembly.Sha256));
        }

        foreach (var model in inputs.Models)
        {
            WriteDescriptor(json, model.Name, null, ("sha256", model.Sha256));
        }

        if (inputs.Assembly is null && inputs.Models.Count == 0 && inputs.ManifestFile is { } manifestOnly)
        {
            // Nothing built is at hand (bin/ cleaned): the manifest stands for the build it describes.
            WriteDescriptor(json, manifestOnly.Name, null, ("sha256", manifestOnly.Sha256));
        }

        json.WriteEndArray();
        json.WriteString("predicateType", "https://slsa.dev/provenance/v1");
        json.WriteStartObject("predicate");

        json.WriteStartObject("buildDefinition");
        json.WriteString("buildType", BuildType);
        json.WriteStartObject("externalParameters");
        json.WriteString("project", m.Project.Name);
        json.WriteString("targetFramework", m.Project.TargetFramework);
        json.WriteString("configuration", m.Project.Configuration);
        json.WriteString("seed", m.Seed);
        if (m.Git is { } git)
        {
            json.WriteStartObject("source");
            json.WriteString("repository", git.Remote);
            json.WriteString("commit", git.Commit);
            json.WriteBoolean("dirty", git.Dirty == true);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("internalParameters");
        json.WriteString("fingerprint", m.Fingerprint);
        json.WriteString("sdkVersion", m.Toolchain.SdkVersion);
        json.WriteString("msbuildVersion", m.Toolchain.MsbuildVersion);
        json.WriteString("compilerVersion", m.Toolchain.CompilerVersion);
        json.WriteStartObject("build");
        json.WriteString("configuration", m.Build.Configuration);
        json.WriteString("platform", m.Build.Platform);
        json.WriteString("optimize", m.Build.Optimize);
        json.WriteString("deterministic", m.Build.Deterministic);
        json.WriteString("runtimeIdentifier", m.Build.RuntimeIdentifier);
        json.WriteString("defineConstants", m.Build.DefineConstants);
        foreach (var (name, value) in m.Build.Properties.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("resolvedDependencies");
        if (m.Git?.Commit is { } commit)
        {
            var uri = m.Git.Remote is { Length: > 0 } remote ? $"git+{remote}@{commit}" : null;
            WriteDescriptor(json, uri is null ? "source" : null, uri, ("gitCommit", commit));
        }

        if (m.Git?.PatchSha256 is { } patch)
        {
            WriteDescriptor(json, m.Git.Patch ?? "uncommitted changes", null, ("sha256", patch));
        }

        foreach (var package in m.Dependencies.Packages)
        {
            var sha512 = ExportInputs.Sha512Hex(package.Sha512);
            json.WriteStartObject();
            json.WriteString("uri", ExportInputs.Purl(package));
            if (sha512 is not null)
            {
                json.WriteStartObject("digest");
                json.WriteString("sha512", sha512);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        foreach (var framework in m.Dependencies.FrameworkReferences.Where(f => f.TargetingPack is not null))
        {
            json.WriteStartObject();
            json.WriteString("uri", $"pkg:nuget/{framework.TargetingPack}@{framework.TargetingPackVersion}");
            json.WriteEndObject();
        }

        foreach (var data in inputs.Data.Where(d => d.Sha256 is { Length: 64 }))
        {
            WriteDescriptor(json, data.Name, null, ("sha256", data.Sha256!));
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("runDetails");
        json.WriteStartObject("builder");
        var ci = m.Environment.Ci;
        json.WriteString("id", ci is null ? "urn:dotnet-repro:builder:local" : "urn:dotnet-repro:builder:" + ci.Provider);
        json.WriteEndObject();
        if (ci?.Url is not null || ci?.RunId is not null)
        {
            json.WriteStartObject("metadata");
            json.WriteString("invocationId", ci.Url ?? ci.RunId);
            json.WriteEndObject();
        }

        if (inputs.ManifestFile is { } manifestFile)
        {
            json.WriteStartArray("byproducts");
            WriteDescriptor(json, manifestFile.Name, null, ("sha256", manifestFile.Sha256));
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDescriptor(Utf8JsonWriter json, string? name, string? uri, (string Algorithm, string Value) digest)
    {
        json.WriteStartObject();
        if (name is not null)
        {
            json.WriteString("name", name);
        }

        if (uri is not null)
        {
            json.WriteString("uri", uri);
        }

        json.WriteStartObject("digest");
        json.WriteString(digest.Algorithm, digest.Value);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
