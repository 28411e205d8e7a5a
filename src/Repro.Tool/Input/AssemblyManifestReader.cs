using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Repro.Build;

namespace Repro.Tool.Input;

/// <summary>
/// Reads the <c>Repro.Manifest.json</c> resource of an assembly from its metadata, without loading the assembly (it may
/// target another runtime, and loading runs nothing of ours but still locks and maps it).
/// </summary>
public static class AssemblyManifestReader
{
    public const string ResourceName = "Repro.Manifest.json";

    public static byte[] Read(byte[] image, string displayPath)
    {
        try
        {
            using var pe = new PEReader(ImmutableArray.Create(image));
            if (!pe.HasMetadata || pe.PEHeaders.CorHeader is null)
            {
                throw NoManifest(displayPath, "it is not a .NET assembly");
            }

            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.ManifestResources)
            {
                var resource = metadata.GetManifestResource(handle);
                if (!resource.Implementation.IsNil || !metadata.StringComparer.Equals(resource.Name, ResourceName))
                {
                    continue;
                }

                var directory = pe.PEHeaders.CorHeader.ResourcesDirectory;
                var section = pe.GetSectionData(directory.RelativeVirtualAddress);
                var reader = section.GetReader();
                reader.Offset = checked((int)resource.Offset);
                var length = reader.ReadInt32();
                if (length < 0 || length > reader.RemainingBytes)
                {
                    throw NoManifest(displayPath, "its Repro.Manifest.json resource is damaged");
                }

                return reader.ReadBytes(length);
            }
        }
        catch (Exception ex) when (ex is BadImageFormatException or InvalidOperationException or ArgumentOutOfRangeException or OverflowException)
        {
            throw NoManifest(displayPath, "it is not a readable .NET assembly (" + ex.Message + ")");
        }

        throw NoManifest(displayPath, "it embeds no " + ResourceName + " (built without Repro.Build, or with ReproEmbedManifest=false)");
    }

    private static ToolInputException NoManifest(string path, string why) =>
        new(DiagnosticIds.ToolAssemblyWithoutManifest, $"'{path}' has no manifest to read: {why}.");
}
