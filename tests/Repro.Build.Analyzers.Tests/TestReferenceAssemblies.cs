using Microsoft.CodeAnalysis.Testing;

namespace Repro.Build.Analyzers.Tests;

internal static class TestReferenceAssemblies
{
    // The .NET 8 reference assemblies: the oldest runtime our users train on, and a stable API surface.
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>The real ML.NET package, not stand-in types: the rules must match what users compile against.</summary>
    public static ReferenceAssemblies Net80WithMLNet { get; } = Net80.AddPackages(
        System.Collections.Immutable.ImmutableArray.Create(new PackageIdentity("Microsoft.ML", "5.0.1")));

    public static ReferenceAssemblies Net80WithTorchSharp { get; } = Net80.AddPackages(
        System.Collections.Immutable.ImmutableArray.Create(new PackageIdentity("TorchSharp", "0.107.0")));

    public static ReferenceAssemblies Net80WithMathNet { get; } = Net80.AddPackages(
        System.Collections.Immutable.ImmutableArray.Create(new PackageIdentity("MathNet.Numerics", "5.0.0")));
}
