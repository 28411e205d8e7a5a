using System.Collections.Generic;
using Repro.Build.Manifest;

namespace Repro.Build.Dependencies;

/// <summary>What NuGet restored for one target framework.</summary>
public sealed class RestoredGraph
{
    public List<PackageEntry> Packages { get; } = [];

    /// <summary>The shared frameworks the project references (<c>Microsoft.NETCore.App</c>, …), sorted.</summary>
    public List<string> FrameworkReferences { get; } = [];
}
