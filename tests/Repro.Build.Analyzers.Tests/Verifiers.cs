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
    public static Task AnalyzerAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, ReferenceAssemblies? references = null) =>
        RunAsync(source, fixedSource: null, editorConfig: null, outputKind, references);

    public static Task FixAsync(string source, string fixedSource, string? editorConfig = null, ReferenceAssemblies? references = null) =>
        RunAsync(source, fixedSource, editorConfig, OutputKind.DynamicallyLinkedLibrary, references);

    private static Task RunAsync(string source, string? fixedSource, string? editorConfig, OutputKind outputKind, ReferenceAssemblies? references)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = references ?? TestReferenceAssemblies.Net80,
        };
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
