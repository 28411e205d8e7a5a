using System.IO;
using System.Linq;
using System.Text.Json;
using Repro.Build.IO;

namespace Repro.Build.Manifest;

/// <summary>
/// Sums up every input that decides the model in one hash: the code (commit, patch, sources), the packages with their
/// content hashes and framework references, the toolchain, the target framework and build settings, the seed, the
/// data and the configuration files. Nothing volatile goes in: no times, host, paths outside the project, branch, tags or environment.
/// </summary>
public static class FingerprintCalculator
{
    public static string Compute(ReproManifest manifest)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("targetFramework", manifest.Project.TargetFramework);
            writer.WriteString("commit", manifest.Git?.Commit);
            writer.WriteString("patchSha256", manifest.Git?.PatchSha256);

            writer.WriteStartArray("packages");
            foreach (var package in manifest.Dependencies.Packages)
            {
                writer.WriteStringValue($"{package.Id.ToLowerInvariant()}/{package.Version}/{package.Sha512}");
            }

            writer.WriteEndArray();
            writer.WriteStartArray("frameworkReferences");
            foreach (var framework in manifest.Dependencies.FrameworkReferences)
            {
                writer.WriteStringValue($"{framework.Name}/{framework.TargetingPack}/{framework.TargetingPackVersion}");
            }

            writer.WriteEndArray();
            writer.WriteString("sdkVersion", manifest.Toolchain.SdkVersion);
            writer.WriteString("msbuildVersion", manifest.Toolchain.MsbuildVersion);
            writer.WriteString("compilerVersion", manifest.Toolchain.CompilerVersion);

            var build = manifest.Build;
            writer.WriteStartObject("build");
            writer.WriteString("configuration", build.Configuration);
            writer.WriteString("platform", build.Platform);
            writer.WriteString("optimize", build.Optimize);
            writer.WriteString("deterministic", build.Deterministic);
            writer.WriteString("defineConstants", build.DefineConstants);
            writer.WriteString("runtimeIdentifier", build.RuntimeIdentifier);
            writer.WriteString("langVersion", build.LangVersion);
            writer.WriteString("nullable", build.Nullable);
            writer.WriteString("checkForOverflowUnderflow", build.CheckForOverflowUnderflow);
            foreach (var property in build.Properties)
            {
                writer.WriteString("property:" + property.Key, property.Value);
            }

            writer.WriteEndObject();
            writer.WriteString("seed", manifest.Seed);
            writer.WriteString("sources", manifest.Sources.Sha256);
            writer.WriteStartArray("data");
            foreach (var item in manifest.Data.Items.OrderBy(i => i.Name, System.StringComparer.Ordinal))
            {
                writer.WriteStringValue($"{item.Name}\0{item.Sha256}");
            }

            writer.WriteEndArray();
            writer.WriteStartArray("config");
            foreach (var config in manifest.Config)
            {
                writer.WriteStringValue($"{config.Path}\0{config.Sha256}");
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return "sha256:" + Hashing.Sha256Hex(stream.ToArray());
    }
}
