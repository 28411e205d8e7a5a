using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Repro.Build.Analyzers.Tests;

/// <summary>
/// What the analyzed code compiles against: the .NET reference pack this test project was built with (it ships with the
/// SDK) and the compile assets of the ML libraries, restored through this project's locked package references. Nothing
/// is downloaded while the tests run, so a cold machine (empty temporary folder, empty NuGet cache before the restore)
/// behaves as a warm one.
/// </summary>
internal static class TestReferences
{
    private const string ReferenceListFile = "analyzed-code-references.txt";
    private const string PackageGraphFile = "analyzed-code-packages.json";

    private static readonly Lazy<Catalog> Loaded = new(Catalog.Load);
    private static readonly ConcurrentDictionary<string, ImmutableArray<MetadataReference>> Sets = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, MetadataReference> Files = new(StringComparer.Ordinal);

    /// <summary>
    /// For the test harness: a target framework with no reference package, so that it resolves nothing itself (and
    /// downloads nothing); the references come from <see cref="With"/> as additional references.
    /// </summary>
    public static Microsoft.CodeAnalysis.Testing.ReferenceAssemblies None { get; } = new("net10.0");

    /// <summary>The .NET reference assemblies alone.</summary>
    public static ImmutableArray<MetadataReference> Net => With();

    /// <summary>The real ML.NET package, not stand-in types: the rules must match what users compile against.</summary>
    public static ImmutableArray<MetadataReference> WithMLNet => With("Microsoft.ML");

    public static ImmutableArray<MetadataReference> WithTorchSharp => With("TorchSharp");

    public static ImmutableArray<MetadataReference> WithMathNet => With("MathNet.Numerics");

    /// <summary>True when the test project restores the package (directly or through another one).</summary>
    public static bool IsRestored(string packageId) => Loaded.Value.Knows(packageId);

    /// <summary>The .NET reference assemblies plus the named packages and everything they depend on.</summary>
    public static ImmutableArray<MetadataReference> With(params string[] packageIds) =>
        Sets.GetOrAdd(string.Join("+", packageIds.OrderBy(id => id, StringComparer.OrdinalIgnoreCase)), _ => Loaded.Value.Resolve(packageIds));

    private sealed class Catalog
    {
        private readonly ImmutableArray<string> _framework;
        private readonly ILookup<string, string> _assembliesByPackage;
        private readonly Dictionary<string, string[]> _dependencies;

        private Catalog(ImmutableArray<string> framework, ILookup<string, string> assembliesByPackage, Dictionary<string, string[]> dependencies)
        {
            _framework = framework;
            _assembliesByPackage = assembliesByPackage;
            _dependencies = dependencies;
        }

        public static Catalog Load()
        {
            var folder = AppContext.BaseDirectory;
            var lines = File.ReadAllLines(Path.Combine(folder, ReferenceListFile))
                .Select(line => line.Split('|'))
                .Where(parts => parts.Length == 3)
                .ToArray();
            var framework = lines.Where(parts => parts[1] == "Microsoft.NETCore.App").Select(parts => parts[2]).ToImmutableArray();
            if (framework.IsEmpty)
            {
                throw new InvalidOperationException($"{ReferenceListFile} lists no Microsoft.NETCore.App reference assembly; rebuild the test project.");
            }

            var assembliesByPackage = lines.Where(parts => parts[0].Length > 0).ToLookup(parts => parts[0], parts => parts[2], StringComparer.OrdinalIgnoreCase);

            // The restore's graph: "targets" → "<framework>" → "<id>/<version>" → "dependencies" → { id: range }.
            using var assets = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, PackageGraphFile)));
            var dependencies = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            foreach (var target in assets.RootElement.GetProperty("targets").EnumerateObject())
            {
                foreach (var library in target.Value.EnumerateObject())
                {
                    var id = library.Name.Split('/')[0];
                    dependencies[id] = library.Value.TryGetProperty("dependencies", out var dependsOn)
                        ? dependsOn.EnumerateObject().Select(d => d.Name).ToArray()
                        : Array.Empty<string>();
                }
            }

            return new Catalog(framework, assembliesByPackage, dependencies);
        }

        public bool Knows(string packageId) => _dependencies.ContainsKey(packageId);

        public ImmutableArray<MetadataReference> Resolve(IEnumerable<string> packageIds)
        {
            var closure = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<string>(packageIds);
            while (pending.Count > 0)
            {
                var id = pending.Pop();
                if (!closure.Add(id))
                {
                    continue;
                }

                if (!_dependencies.TryGetValue(id, out var dependsOn))
                {
                    throw new InvalidOperationException($"Package '{id}' is not restored by the test project; add it as a compile-only PackageReference.");
                }

                foreach (var dependency in dependsOn)
                {
                    pending.Push(dependency);
                }
            }

            return _framework
                .Concat(closure.SelectMany(id => _assembliesByPackage[id]))
                .Distinct(StringComparer.Ordinal)
                .Select(path => Files.GetOrAdd(path, p => MetadataReference.CreateFromFile(p)))
                .ToImmutableArray();
        }
    }
}
