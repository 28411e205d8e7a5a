using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Repro.Build.Analyzers.Rules;
using Xunit.Abstractions;

namespace Repro.Build.Analyzers.Tests;

/// <summary>
/// Precision and recall on real training code: every project of the corpus under RealWorld/ (public repositories,
/// files kept verbatim with their origin) is compiled against the real packages with all Repro analyzers, and every
/// diagnostic must be labelled in RealWorld/labels.json. An unlabelled diagnostic, a false positive that is not an
/// accepted one (documented there, with the reason no class-level change removes it), or a label nothing reports any
/// more fails the test. Known misses are listed there too, for recall.
/// </summary>
public sealed class RealWorldCorpusTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "RealWorld");

    private static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = typeof(UnseededRandomAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    // What a project with <ImplicitUsings>enable</ImplicitUsings> gets from the SDK.
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private readonly ITestOutputHelper _output;

    public RealWorldCorpusTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Every_diagnostic_on_the_real_world_corpus_is_a_labelled_true_positive()
    {
        var labels = Labels.Load(Path.Combine(Root, "labels.json"));
        var projects = CorpusProject.LoadAll(Root);
        Assert.NotEmpty(projects);

        var reported = new ConcurrentDictionary<Finding, string>();
        var compileErrors = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(projects, async (project, cancellationToken) =>
        {
            var (diagnostics, errors) = await AnalyzeAsync(project);
            foreach (var diagnostic in diagnostics)
            {
                var span = diagnostic.Location.GetLineSpan();
                var file = Path.GetRelativePath(Root, span.Path).Replace('\\', '/');
                reported.TryAdd(new Finding(file, span.StartLinePosition.Line + 1, diagnostic.Id), diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (errors > 0)
            {
                compileErrors.Add($"{project.Repository}/{project.Name}: {errors} compile errors (missing packages: {string.Join(", ", project.MissingPackages)})");
            }
        });

        var problems = new List<string>();
        foreach (var (finding, message) in reported.OrderBy(r => r.Key.File, StringComparer.Ordinal).ThenBy(r => r.Key.Line))
        {
            if (!labels.ByFinding.TryGetValue(finding, out var label))
            {
                problems.Add($"unlabelled: {finding.File}({finding.Line}) {finding.Rule}: {message}");
            }
            else if (label.Verdict != "tp" && !label.Accepted)
            {
                problems.Add($"false positive: {finding.File}({finding.Line}) {finding.Rule}: {label.Reason}");
            }
        }

        foreach (var label in labels.All.Where(l => !reported.ContainsKey(l.Finding)))
        {
            problems.Add($"labelled but no longer reported (delete it, or move it to 'missed'): {label.Finding.File}({label.Finding.Line}) {label.Finding.Rule}");
        }

        foreach (var missed in labels.Missed.Where(m => reported.ContainsKey(m.Finding)))
        {
            problems.Add($"listed as missed but now reported (label it): {missed.Finding.File}({missed.Finding.Line}) {missed.Finding.Rule}");
        }

        _output.WriteLine(Summary(projects.Count, reported, labels));
        foreach (var error in compileErrors.OrderBy(e => e, StringComparer.Ordinal))
        {
            _output.WriteLine(error);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, int CompileErrors)> AnalyzeAsync(CorpusProject project)
    {
        var trees = project.Files
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: file))
            .ToList();
        if (project.ImplicitUsings)
        {
            trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, path: Path.Combine(project.Directory, "ImplicitUsings.g.cs")));
        }

        var compilation = CSharpCompilation.Create(
            project.Name,
            trees,
            TestReferences.With(project.AvailablePackages.ToArray()),
            new CSharpCompilationOptions(project.OutputKind, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers).GetAnalyzerDiagnosticsAsync();
        return (diagnostics.Where(d => d.Id.StartsWith("REPRO", StringComparison.Ordinal) && d.Location.IsInSource).ToImmutableArray(), errors);
    }

    /// <summary>Precision by root cause and recall, per rule, as the docs report them.</summary>
    private static string Summary(int projectCount, ConcurrentDictionary<Finding, string> reported, Labels labels)
    {
        var text = new StringBuilder();
        text.AppendLine($"{projectCount} projects, {reported.Count} diagnostics");
        text.AppendLine("rule | diagnostics | causes | true-positive causes | precision | missed causes (in scope) | recall in scope | missed outside scope");
        foreach (var rule in reported.Keys.Select(f => f.Rule).Concat(labels.Missed.Select(m => m.Finding.Rule)).Distinct().OrderBy(r => r, StringComparer.Ordinal))
        {
            var findings = reported.Keys.Where(f => f.Rule == rule).ToList();
            var causes = findings.Select(f => labels.ByFinding.TryGetValue(f, out var l) ? (l.Cause, l.Verdict) : (f.ToString(), "unlabelled")).Distinct().ToList();
            var truePositives = causes.Count(c => c.Item2 == "tp");
            var missed = labels.Missed.Where(m => m.Finding.Rule == rule && m.Scope == "in-scope").Select(m => m.Cause).Distinct().Count();
            var outside = labels.Missed.Count(m => m.Finding.Rule == rule && m.Scope != "in-scope");
            var precision = causes.Count == 0 ? "-" : (truePositives / (double)causes.Count).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
            var recall = truePositives + missed == 0 ? "-" : (truePositives / (double)(truePositives + missed)).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
            text.AppendLine($"{rule} | {findings.Count} | {causes.Count} | {truePositives} | {precision} | {missed} | {recall} | {outside}");
        }

        return text.ToString();
    }

    internal readonly record struct Finding(string File, int Line, string Rule)
    {
        public override string ToString() => $"{File}({Line}) {Rule}";
    }

    private sealed record Label(Finding Finding, string Verdict, string Cause, string Reason, bool Accepted, string Scope);

    private sealed class Labels
    {
        public required ImmutableArray<Label> All { get; init; }

        public required ImmutableArray<Label> Missed { get; init; }

        public required Dictionary<Finding, Label> ByFinding { get; init; }

        public static Labels Load(string path)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            ImmutableArray<Label> Read(string property, string defaultVerdict) => json.RootElement.GetProperty(property).EnumerateArray()
                .Select(e =>
                {
                    var finding = new Finding(e.GetProperty("file").GetString()!, e.GetProperty("line").GetInt32(), e.GetProperty("rule").GetString()!);
                    var cause = e.TryGetProperty("cause", out var c) ? c.GetString()! : finding.ToString();
                    var verdict = e.TryGetProperty("verdict", out var v) ? v.GetString()! : defaultVerdict;
                    var accepted = e.TryGetProperty("accepted", out var a) && a.GetBoolean();
                    var scope = e.TryGetProperty("scope", out var sc) ? sc.GetString()! : "in-scope";
                    return new Label(finding, verdict, cause, e.GetProperty("reason").GetString()!, accepted, scope);
                })
                .ToImmutableArray();
            var all = Read("diagnostics", "tp");
            return new Labels { All = all, Missed = Read("missed", "missed"), ByFinding = all.ToDictionary(l => l.Finding) };
        }
    }

    private sealed record CorpusProject(string Repository, string Name, string Directory, ImmutableArray<string> Files, OutputKind OutputKind, bool ImplicitUsings, ImmutableArray<string> AvailablePackages, ImmutableArray<string> MissingPackages)
    {
        public static IReadOnlyList<CorpusProject> LoadAll(string root)
        {
            var projects = new List<CorpusProject>();
            foreach (var repository in System.IO.Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
            {
                var manifest = Path.Combine(repository, "projects.json");
                if (!File.Exists(manifest))
                {
                    continue;
                }

                using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
                foreach (var project in json.RootElement.EnumerateArray())
                {
                    var files = project.GetProperty("files").EnumerateArray().Select(f => Path.Combine(repository, f.GetString()!)).ToImmutableArray();
                    var csproj = project.TryGetProperty("csproj", out var p) && p.GetString() is { } relative ? Path.Combine(repository, relative) : null;
                    var implicitUsings = csproj is not null && File.Exists(csproj) && File.ReadAllText(csproj).Contains("<ImplicitUsings>enable</ImplicitUsings>", StringComparison.OrdinalIgnoreCase);
                    var packages = project.GetProperty("packages").EnumerateArray().Select(x => x.GetString()!).ToList();
                    var available = packages.Where(TestReferences.IsRestored).ToImmutableArray();
                    projects.Add(new CorpusProject(
                        Path.GetFileName(repository),
                        project.GetProperty("name").GetString()!,
                        repository,
                        files,
                        project.GetProperty("outputType").GetString() == "Exe" ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                        implicitUsings,
                        available,
                        packages.Except(available).ToImmutableArray()));
                }
            }

            return projects;
        }
    }
}
