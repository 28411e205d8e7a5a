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
        RunAsync(source, fixedSource: null, editorConfig: null, outputKind, references, expected: null);

    /// <summary>
    /// Checks the diagnostics at <c>{|#n:...|}</c> locations against <paramref name="expected"/>, each with its
    /// descriptor (the message variant) and message arguments; <c>[|...|]</c> spans are checked as usual.
    /// </summary>
    public static Task AnalyzerAsync(string source, DiagnosticResult[] expected, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, ImmutableArray<MetadataReference>? references = null) =>
        RunAsync(source, fixedSource: null, editorConfig: null, outputKind, references, expected);

    public static Task FixAsync(string source, string fixedSource, string? editorConfig = null, ImmutableArray<MetadataReference>? references = null, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, DiagnosticResult[]? expected = null) =>
        RunAsync(source, fixedSource, editorConfig, outputKind, references, expected);

    /// <summary>A diagnostic of <paramref name="descriptor"/>, to be given a location and message arguments.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

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

    private static Task RunAsync(string source, string? fixedSource, string? editorConfig, OutputKind outputKind, ImmutableArray<MetadataReference>? references, DiagnosticResult[]? expected)
    {
        var test = Create(references);
        test.TestCode = source;
        test.TestState.OutputKind = outputKind;
        test.ExpectedDiagnostics.AddRange(expected ?? System.Array.Empty<DiagnosticResult>());

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
