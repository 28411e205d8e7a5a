using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Repro.Build.Manifest;

/// <summary>
/// The part of the manifest that goes into the assembly: what decides the model, and nothing that varies from machine
/// to machine or clone to clone (no environment, times, paths outside the project, remote, branch or tags).
/// </summary>
public static class EmbeddedManifestWriter
{
    public static byte[] ToUtf8Bytes(ReproManifest manifest)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", manifest.SchemaVersion);
            writer.WriteString("fingerprint", manifest.Fingerprint);
            writer.WriteStartObject("project");
            writer.WriteString("name", manifest.Project.Name);
            writer.WriteString("targetFramework", manifest.Project.TargetFramework);
            writer.WriteString("configuration", manifest.Project.Configuration);
            writer.WriteEndObject();

            if (manifest.Git is { } git)
            {
                writer.WriteStartObject("git");
                writer.WriteString("commit", git.Commit);
                if (git.Dirty is { } dirty)
                {
                    writer.WriteBoolean("dirty", dirty);
                }
                else
                {
                    writer.WriteNull("dirty");
                }

                writer.WriteString("patchSha256", git.PatchSha256);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("git");
            }

            writer.WriteStartObject("dependencies");
            writer.WriteStartArray("packages");
            foreach (var package in manifest.Dependencies.Packages)
            {
                writer.WriteStartObject();
                writer.WriteString("id", package.Id);
                writer.WriteString("version", package.Version);
                writer.WriteString("sha512", package.Sha512);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("frameworkReferences");
            foreach (var framework in manifest.Dependencies.FrameworkReferences)
            {
                writer.WriteStringValue($"{framework.Name} {framework.TargetingPackVersion}");
            }

            writer.WriteEndArray();
            writer.WriteEndObject();

            writer.WriteStartObject("toolchain");
            writer.WriteString("sdkVersion", manifest.Toolchain.SdkVersion);
            writer.WriteString("msbuildVersion", manifest.Toolchain.MsbuildVersion);
            writer.WriteString("compilerVersion", manifest.Toolchain.CompilerVersion);
            writer.WriteEndObject();

            writer.WriteString("seed", manifest.Seed);
            writer.WriteStartObject("sources");
            writer.WriteNumber("count", manifest.Sources.Count);
            writer.WriteString("sha256", manifest.Sources.Sha256);
            writer.WriteEndObject();

            writer.WriteStartArray("data");
            foreach (var item in manifest.Data.Items)
            {
                writer.WriteStartObject();
                writer.WriteString("name", PortableName(item.Name));
                writer.WriteString("sha256", item.Sha256);
                writer.WriteNumber("fileCount", item.FileCount);
                writer.WriteNumber("size", item.Size);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("config");
            foreach (var config in manifest.Config)
            {
                writer.WriteStartObject();
                writer.WriteString("path", PortableName(config.Path));
                writer.WriteString("sha256", config.Sha256);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n");
    }

    /// <summary>An absolute path names the machine's layout: only its last segment goes into the assembly.</summary>
    private static string PortableName(string name) =>
        Path.IsPathRooted(name) ? "<outside>/" + name.Replace('\\', '/').TrimEnd('/').Split('/').Last() : name;
}
