using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Repro.Build.Analyzers.Rules;
using Repro.Build.CodeFixes.Rules;

namespace Repro.Build.Analyzers.Tests;

/// <summary>
/// Every fixer fixes all in a document, a project and a solution: two documents in one project and one in a second
/// project, checked by the harness in each scope; and a host that asks without an equivalence key (dotnet format).
/// </summary>
public sealed class ReproFixAllProviderTests
{
    [Fact]
    public Task Unseeded_random() => FixAllAsync<UnseededRandomAnalyzer, UnseededRandomFixer>(
        "class C{0} {{ System.Random R() => [|new System.Random()|]; }}",
        "class C{0} {{ System.Random R() => new System.Random(42); }}");

    [Fact]
    public Task Clock_seed() => FixAllAsync<ClockSeedAnalyzer, ClockSeedFixer>(
        "class C{0} {{ System.Random R() => new System.Random([|System.Environment.TickCount|]); }}",
        "class C{0} {{ System.Random R() => new System.Random(42); }}");

    [Fact]
    public Task Unseeded_MLContext() => FixAllAsync<UnseededMLContextAnalyzer, UnseededMLContextFixer>(
        "class C{0} {{ Microsoft.ML.IDataView S(Microsoft.ML.IDataView d) => [|new Microsoft.ML.MLContext()|].Data.ShuffleRows(d); }}",
        "class C{0} {{ Microsoft.ML.IDataView S(Microsoft.ML.IDataView d) => new Microsoft.ML.MLContext(seed: 42).Data.ShuffleRows(d); }}",
        TestReferences.WithMLNet);

    [Fact]
    public Task Randomized_string_hash() => FixAllAsync<RandomizedStringHashAnalyzer, RandomizedStringHashFixer>(
        "class C{0} {{ bool T(string id) => [|id.GetHashCode()|] % 10 < 2; }}",
        "class C{0} {{ bool T(string id) => System.BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)), 0) % 10 < 2; }}");

    [Fact]
    public Task Unordered_directory_listing() => FixAllAsync<UnorderedDirectoryListingAnalyzer, UnorderedDirectoryListingFixer>(
        "class C{0} {{ void L(string d) {{ var files = [|System.IO.Directory.GetFiles(d)|]; foreach (var f in files) {{ U(f); }} }} void U(string f) {{ }} }}",
        "class C{0} {{ void L(string d) {{ var files = System.IO.Directory.GetFiles(d); System.Array.Sort(files, System.StringComparer.Ordinal); foreach (var f in files) {{ U(f); }} }} void U(string f) {{ }} }}");

    [Fact]
    public Task Parallel_query() => FixAllAsync<ParallelNondeterminismAnalyzer, ParallelNondeterminismFixer>(
        "using System.Linq; class C{0} {{ int[] A(int[] x) => [|x.AsParallel().Select(v => v + 1).ToArray()|]; }}",
        "using System.Linq; class C{0} {{ int[] A(int[] x) => x.AsParallel().AsOrdered().Select(v => v + 1).ToArray(); }}");

    [Fact]
    public Task Unseeded_MathNet() => FixAllAsync<UnseededMathNetAnalyzer, UnseededMathNetFixer>(
        "class C{0} {{ object S() => [|new MathNet.Numerics.Random.MersenneTwister()|]; }}",
        "class C{0} {{ object S() => new MathNet.Numerics.Random.MersenneTwister(42); }}",
        TestReferences.WithMathNet);

    [Fact]
    public Task DataLoader_shuffle() => FixAllAsync<DataLoaderShuffleAnalyzer, DataLoaderShuffleFixer>(
        "class C{0} {{ object L(TorchSharp.torch.utils.data.Dataset d) => [|TorchSharp.torch.utils.data.DataLoader(d, 8, shuffle: true)|]; }}",
        "class C{0} {{ object L(TorchSharp.torch.utils.data.Dataset d) => TorchSharp.torch.utils.data.DataLoader(d, 8, shuffle: true, seed: 42); }}",
        TestReferences.WithTorchSharp);

    [Fact]
    public Task Multithreaded_trainer() => FixAllAsync<MultithreadedTrainerAnalyzer, MultithreadedTrainerFixer>(
        "using Microsoft.ML; class C{0} {{ object T(Microsoft.ML.MLContext ml) => [|ml.Clustering.Trainers.KMeans(new Microsoft.ML.Trainers.KMeansTrainer.Options())|]; }}",
        "using Microsoft.ML; class C{0} {{ object T(Microsoft.ML.MLContext ml) => ml.Clustering.Trainers.KMeans(new Microsoft.ML.Trainers.KMeansTrainer.Options() {{ NumberOfThreads = 1 }}); }}",
        TestReferences.WithMLNet);

    [Fact]
    public async Task A_host_without_an_equivalence_key_still_fixes_every_fixable_diagnostic()
    {
        // The first REPRO008 (a parallel loop accumulating into a double) has no fix; dotnet format then asks with no key.
        const string source = """
            using System.Linq;
            using System.Threading.Tasks;
            class C
            {
                double Loss(double[] e) { double loss = 0; Parallel.For(0, e.Length, i => { loss += e[i]; }); return loss; }
                int[] A(int[] x) => x.AsParallel().Select(v => v + 1).ToArray();
                int[] B(int[] x) => x.AsParallel().Where(v => v > 0).ToList().ToArray();
            }
            """;
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("P", LanguageNames.CSharp).AddMetadataReferences(TestReferences.Net);
        var document = project.AddDocument("C.cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ParallelNondeterminismAnalyzer())).GetAnalyzerDiagnosticsAsync();
        Assert.Equal(3, diagnostics.Length);

        var fixer = new ParallelNondeterminismFixer();
        var context = new FixAllContext(document, fixer, FixAllScope.Solution, codeActionEquivalenceKey: null!, fixer.FixableDiagnosticIds,
            new FixedDiagnostics(diagnostics.OrderBy(d => d.Location.SourceSpan.Start)), CancellationToken.None);
        var action = await fixer.GetFixAllProvider().GetFixAsync(context);
        Assert.NotNull(action);

        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var fixedText = (await operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.Contains("x.AsParallel().AsOrdered().Select(v => v + 1)", fixedText);
        Assert.Contains("x.AsParallel().AsOrdered().Where(v => v > 0)", fixedText);
        Assert.Contains("loss += e[i]", fixedText);
    }

    private static Task FixAllAsync<TAnalyzer, TFixer>(string template, string fixedTemplate, ImmutableArray<MetadataReference>? references = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFixer : CodeFixProvider, new()
    {
        var test = Verifier<TAnalyzer, TFixer>.Create(references);
        test.TestState.Sources.Add(("/0/First.cs", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, 1)));
        test.TestState.Sources.Add(("/0/Second.cs", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, 2)));
        test.FixedState.Sources.Add(("/0/First.cs", string.Format(System.Globalization.CultureInfo.InvariantCulture, fixedTemplate, 1)));
        test.FixedState.Sources.Add(("/0/Second.cs", string.Format(System.Globalization.CultureInfo.InvariantCulture, fixedTemplate, 2)));

        var other = test.TestState.AdditionalProjects["Other"];
        other.Sources.Add(("/Other/Third.cs", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, 3)));
        other.AdditionalReferences.AddRange(references ?? TestReferences.Net);
        var otherFixed = test.FixedState.AdditionalProjects["Other"];
        otherFixed.Sources.Add(("/Other/Third.cs", string.Format(System.Globalization.CultureInfo.InvariantCulture, fixedTemplate, 3)));
        otherFixed.AdditionalReferences.AddRange(references ?? TestReferences.Net);

        // Fix All in a document fixes one document per pass, in a project one project per pass.
        test.NumberOfFixAllInDocumentIterations = 3;
        test.NumberOfFixAllInProjectIterations = 2;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }

    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnostics(System.Collections.Generic.IEnumerable<Diagnostic> diagnostics)
        {
            _diagnostics = diagnostics.ToImmutableArray();
        }

        public override Task<System.Collections.Generic.IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<System.Collections.Generic.IEnumerable<Diagnostic>>(_diagnostics);

        public override async Task<System.Collections.Generic.IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _diagnostics.Where(d => d.Location.SourceTree?.FilePath == tree?.FilePath);
        }

        public override Task<System.Collections.Generic.IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<System.Collections.Generic.IEnumerable<Diagnostic>>(_diagnostics);
    }
}
