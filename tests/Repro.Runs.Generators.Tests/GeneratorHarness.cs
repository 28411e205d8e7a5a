using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Repro.Runs.Generators.Tests;

/// <summary>Compiles a snippet with the autolog generator as the SDK would, with the project's MSBuild properties as the package sets them.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() => File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "snippet-references.txt"))
        .Where(line => line.Length > 0)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToImmutableArray());

    /// <summary>The compile references of the test project: the SDK's reference pack, ML.NET, the real TorchSharp, Repro.Runs.</summary>
    public static ImmutableArray<MetadataReference> DefaultReferences => References.Value;

    public static readonly IReadOnlyDictionary<string, string> PackageDefaults = new Dictionary<string, string>
    {
        ["build_property.ReproAutolog"] = "true",
        ["build_property.ReproAutoRun"] = "false",
        // As build/Repro.Runs.targets writes it: both lists, comma-separated (a semicolon starts an .editorconfig comment).
        ["build_property._ReproAutologInterceptorsNamespaces"] = "," + AutologGenerator.GeneratedNamespace + ",",
    };

    public static GeneratorResult Run(
        string source,
        IReadOnlyDictionary<string, string>? properties = null,
        LanguageVersion language = LanguageVersion.Latest,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        IEnumerable<MetadataReference>? references = null)
    {
        properties ??= PackageDefaults;
        var features = new Dictionary<string, string>();
        if (properties.TryGetValue("build_property._ReproAutologInterceptorsNamespaces", out var namespaces))
        {
            features["InterceptorsNamespaces"] = namespaces.Trim(',');
        }

        var parse = new CSharpParseOptions(language).WithFeatures(features);
        var tree = CSharpSyntaxTree.ParseText(source, parse, path: "Program.cs");
        var compilation = CSharpCompilation.Create(
            "Snippet" + Guid.NewGuid().ToString("N"),
            [tree],
            references ?? References.Value,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable)
                // As the SDK does (NoWarn 1701;1702): reference-version unification warnings.
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        var driver = CSharpGeneratorDriver.Create(
            [new AutologGenerator().AsSourceGenerator()],
            parseOptions: parse,
            optionsProvider: new PropertyProvider(properties));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var generated = output.SyntaxTrees.Where(t => t != tree).Select(t => t.ToString()).SingleOrDefault();
        return new GeneratorResult(compilation, output, generated, generatorDiagnostics.AddRange(output.GetDiagnostics()));
    }

    private sealed class PropertyProvider(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>());
    }

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            var found = values.TryGetValue(key, out var text);
            value = text ?? "";
            return found;
        }
    }
}

/// <summary>What one generator run gave: the input and output compilations, the generated file (or null), every diagnostic.</summary>
internal sealed record GeneratorResult(Compilation Input, Compilation Output, string? Generated, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The number of call sites intercepted.</summary>
    public int Interceptors => Generated is null ? 0 : Generated.Split("[global::System.Runtime.CompilerServices.InterceptsLocationAttribute(").Length - 1;

    /// <summary>Warnings and errors of the whole compilation, generated code included.</summary>
    public IEnumerable<Diagnostic> Problems => Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning);
}
