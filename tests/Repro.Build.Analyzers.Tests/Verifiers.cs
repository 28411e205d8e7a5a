using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Repro.Build.Analyzers.Tests;

/// <summary>Runs an analyzer, and optionally its fixer, over C# sources marked up with <c>[|...|]</c>.</summary>
internal static class Verifier<TAnalyzer, TFixer>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    public static Task AnalyzerAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, ImmutableArray<MetadataReference>? references = null) =>
        RunAsync(source, fixedSource: null, editorConfig: null, outputKind, references);

    public static Task FixAsync(string source, string fixedSource, string? editorConfig = null, ImmutableArray<MetadataReference>? references = null, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary) =>
        RunAsync(source, fixedSource, editorConfig, outputKind, references);

    /// <summary>A test with the analyzed code's references set, for tests that need more than one source or project.</summary>
    public static CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier> Create(ImmutableArray<MetadataReference>? references = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
        {
            // The harness would download reference packages itself; ours come restored (see TestReferences).
            ReferenceAssemblies = TestReferences.None,

            // Some rules have a second descriptor under the same ID (reported once the whole program is seen).
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
        };
        test.TestState.AdditionalReferences.AddRange(references ?? TestReferences.Net);
        return test;
    }

    private static Task RunAsync(string source, string? fixedSource, string? editorConfig, OutputKind outputKind, ImmutableArray<MetadataReference>? references)
    {
        var test = Create(references);
        test.TestCode = source;
        test.TestState.OutputKind = outputKind;

        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", editorConfig));
            test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", editorConfig));
        }

        return test.RunAsync();
    }
}
