using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Repro.Build.Manifest;

namespace Repro.Build.Core.Tests;

/// <summary>The generated ReproBuildInfo class compiles, as C# 7.3, for any value the manifest can hold.</summary>
public sealed class BuildInfoSourceWriterTests
{
    private static readonly string[] HostileValues =
    {
        "42",
        "",
        "\r", "\n", "a\r\nb", "\u0085", "\u2028", "a\u2028b", "\u2029",
        "\0", "\t", "\u001b[31m", "\u007f", "\u009f",
        "\"", "\\", "\\\"", "\\u0041", "\"; public const int X = 1; //",
        "\ud800", "\udc00", "x\ud800y", "\udc00\ud800", "\ud83d\ude00", "\ud83d\ude00\ud83d",
        "\u202e\u2066evil\u2069", "\ufeff", "\u200b", "\u00a0", "\ue000", "\uffff", "\ufffe",
        "種子 42", "ünïcödé", "/* */ // #if DEBUG", "{0} {{1}}",
        new string('x', 10_000),
        string.Concat(Enumerable.Range(0, 0x10000).Select(i => (char)i)),
    };

    [Fact]
    public void Every_constant_compiles_and_round_trips_for_hostile_values()
    {
        // One compilation for all values: each generated class in a namespace of its own.
        var sources = HostileValues.Select((value, i) =>
        {
            var manifest = new ReproManifest
            {
                Fingerprint = "sha256:" + value,
                Git = new GitSection { Commit = value, Dirty = true },
                Seed = value,
                Project = new ProjectSection { Name = "Trainer", TargetFramework = value, Configuration = value },
            };

            // The task writes the file as UTF-8: compile what it writes, not the string in memory.
            var written = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(BuildInfoSourceWriter.Generate(manifest)));
            return $"namespace Value{i}\n{{\n{written}}}\n";
        });

        var assembly = CompileAndLoad(sources.ToArray());

        for (var i = 0; i < HostileValues.Length; i++)
        {
            var value = HostileValues[i];
            var type = assembly.GetType($"Value{i}.ReproBuildInfo", throwOnError: true)!;
            var shown = string.Concat(value.Take(40).Select(c => c >= ' ' && c <= '~' ? c.ToString() : $"\\u{(int)c:x4}"));
            Assert.True(Equals("sha256:" + value, Constant(type, "Fingerprint")), "Fingerprint of " + shown);
            Assert.True(Equals(value, Constant(type, "Commit")), "Commit of " + shown);
            Assert.True(Equals(value, Constant(type, "Seed")), "Seed of " + shown);
            Assert.True(Equals(value, Constant(type, "TargetFramework")), "TargetFramework of " + shown);
            Assert.True(Equals(value, Constant(type, "Configuration")), "Configuration of " + shown);
            Assert.Equal(true, type.GetField("Dirty")!.GetValue(null));
        }
    }

    [Fact]
    public void Without_a_manifest_the_constants_are_null()
    {
        var type = CompileAndLoad(BuildInfoSourceWriter.Generate(null)).GetType("ReproBuildInfo", throwOnError: true)!;

        Assert.Null(Constant(type, "Seed"));
        Assert.Null(type.GetField("Dirty")!.GetValue(null));
    }

    [Fact]
    public void Line_ends_and_invisible_characters_are_escaped_and_printable_text_is_kept()
    {
        Assert.Equal("\"a\\u2028b\\u000d\\u000a\\u0085\\u2029\\u202e\\ud800\"", BuildInfoSourceWriter.Literal("a\u2028b\r\n\u0085\u2029\u202e\ud800"));
        Assert.Equal("\"種子 \\\"42\\\" \\\\ \ud83d\ude00\"", BuildInfoSourceWriter.Literal("種子 \"42\" \\ \ud83d\ude00"));
    }

    private static object? Constant(Type type, string name) => type.GetField(name)!.GetRawConstantValue();

    private static System.Reflection.Assembly CompileAndLoad(params string[] sources)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "System.Runtime.Extensions.dll" or "netstandard.dll" or "System.IO.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "BuildInfo" + Guid.NewGuid().ToString("N"),
            sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp7_3))),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        using var assembly = new MemoryStream();
        var result = compilation.Emit(assembly);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(result.Success && problems.Count == 0, string.Join("\n", problems.Take(20)));

        assembly.Position = 0;
        var context = new AssemblyLoadContext("BuildInfo", isCollectible: true);
        return context.LoadFromStream(assembly);
    }
}
