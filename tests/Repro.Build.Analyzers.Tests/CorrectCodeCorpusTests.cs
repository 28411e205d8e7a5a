using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Repro.Build.Analyzers.Rules;

namespace Repro.Build.Analyzers.Tests;

/// <summary>Precision: realistic, correct training code must compile with no Repro diagnostic at all.</summary>
public sealed class CorrectCodeCorpusTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = typeof(UnseededRandomAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)System.Activator.CreateInstance(t)!)
        .ToImmutableArray();

    [Fact]
    public async Task Correct_training_code_raises_no_Repro_diagnostic()
    {
        var references = TestReferences.WithMLNet;
        var corpus = Directory.GetFiles(Path.Combine(System.AppContext.BaseDirectory, "Corpus"), "*.cs");
        Assert.NotEmpty(corpus);
        var compilation = CSharpCompilation.Create(
            "Corpus",
            corpus.Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers).GetAnalyzerDiagnosticsAsync();

        Assert.True(AllAnalyzers.Length >= 5);
        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("REPRO", System.StringComparison.Ordinal)));
    }
}
