using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Repro.Build.Analyzers.Rules;

namespace Repro.Build.Analyzers.Tests;

/// <summary>
/// The README's first warning example is what a newcomer types first: compiled as the Program.cs of a new console app
/// (its implicit usings) with every Repro analyzer, it must give exactly the warning line the README shows.
/// </summary>
public sealed class ReadmeExampleTests
{
    // What `dotnet new console` gets from the SDK's implicit usings.
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    [Fact]
    public async Task The_first_warning_example_gives_the_warning_the_README_shows()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var example = Regex.Match(readme, @"Replace `Program\.cs` with[^\n]*\n\n```csharp\n(?<code>.*?)```\n\n[^\n]*\n\n```\n(?<output>.*?)\n```", RegexOptions.Singleline);
        Assert.True(example.Success, "README.md no longer has the 'Replace `Program.cs` with …' example followed by the build output it shows.");

        var compilation = CSharpCompilation.Create(
            "Trainer",
            new[]
            {
                CSharpSyntaxTree.ParseText(example.Groups["code"].Value, path: "Program.cs"),
                CSharpSyntaxTree.ParseText(ImplicitUsings, path: "Trainer.GlobalUsings.g.cs"),
            },
            TestReferences.Net,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var analyzers = typeof(UnseededRandomAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var shown = (await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id.StartsWith("REPRO", StringComparison.Ordinal))
            .Select(d =>
            {
                var position = d.Location.GetLineSpan().StartLinePosition;
                return $"{d.Location.SourceTree?.FilePath}({position.Line + 1},{position.Character + 1}): warning {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            });

        Assert.Equal(new[] { example.Groups["output"].Value }, shown);
    }

}
