using Microsoft.CodeAnalysis.Testing;

namespace Repro.Build.Analyzers.Tests;

internal static class TestReferenceAssemblies
{
    // The .NET 8 reference assemblies: the oldest runtime our users train on, and a stable API surface.
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;
}
