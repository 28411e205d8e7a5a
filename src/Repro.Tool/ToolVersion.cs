using System.Reflection;

namespace Repro.Tool;

/// <summary>The tool's version as its package has it (the build stamps it: Repro.Tool.csproj, _ReproPackageVersionAttribute).</summary>
internal static class ToolVersion
{
    public static string Package { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "PackageVersion")?.Value
        ?? typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
