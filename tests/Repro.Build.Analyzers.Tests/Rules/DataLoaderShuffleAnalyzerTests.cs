using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.DataLoaderShuffleAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class DataLoaderShuffleAnalyzerTests
{
    private static readonly System.Collections.Immutable.ImmutableArray<MetadataReference> References = TestReferences.With("TorchSharp", "TorchVision");

    [Fact]
    public Task Flags_derived_data_loaders_created_with_shuffle_true() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        class NoSeed : DataLoader
        {
            public NoSeed(torch.utils.data.Dataset data, int batch, bool shuffle) : base(data, batch, shuffle) { }
        }
        class WithSeed : DataLoader
        {
            public WithSeed(torch.utils.data.Dataset data, int batch, bool shuffle, int? seed = null) : base(data, batch, shuffle, seed: seed) { }
        }
        class AlwaysShuffles : DataLoader
        {
            public AlwaysShuffles(torch.utils.data.Dataset data) {|#0:: base(data, 32, shuffle: true)|} { }
        }
        class C
        {
            void M(torch.utils.data.Dataset data)
            {
                var a = {|#1:new NoSeed(data, 32, shuffle: true)|};
                var b = {|#2:new WithSeed(data, 32, shuffle: true)|};
                var c = new WithSeed(data, 32, shuffle: true, seed: 3);
                var d = new NoSeed(data, 32, shuffle: false);
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(DataLoaderShuffleAnalyzer.Rule).WithLocation(0).WithArguments("DataLoader"),
            Verify.Diagnostic(DataLoaderShuffleAnalyzer.NoSeedParameterRule).WithLocation(1).WithArguments("NoSeed"),
            Verify.Diagnostic(DataLoaderShuffleAnalyzer.Rule).WithLocation(2).WithArguments("WithSeed"),
        },
        references: References);
}
