using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.DataLoaderShuffleAnalyzer, Repro.Build.CodeFixes.Rules.DataLoaderShuffleFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class DataLoaderShuffleFixerTests
{
    private static readonly System.Collections.Immutable.ImmutableArray<MetadataReference> References = TestReferences.With("TorchSharp", "TorchVision");

    [Fact]
    public Task Flags_shuffling_data_loaders_without_a_seed_and_fixes_them() => Verify.FixAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        class C
        {
            object A(torch.utils.data.Dataset data) => [|torch.utils.data.DataLoader(data, 32, shuffle: true)|];
            object B(torch.utils.data.Dataset data) => torch.utils.data.DataLoader(data, 32, shuffle: true, seed: 7);
            object D(torch.utils.data.Dataset data) => torch.utils.data.DataLoader(data, 32, shuffle: false);
            object E(torch.utils.data.Dataset data) => [|new DataLoader(data, 32, shuffle: true)|];
        }
        """, """
        using TorchSharp;
        using TorchSharp.Modules;
        class C
        {
            object A(torch.utils.data.Dataset data) => torch.utils.data.DataLoader(data, 32, shuffle: true, seed: 42);
            object B(torch.utils.data.Dataset data) => torch.utils.data.DataLoader(data, 32, shuffle: true, seed: 7);
            object D(torch.utils.data.Dataset data) => torch.utils.data.DataLoader(data, 32, shuffle: false);
            object E(torch.utils.data.Dataset data) => new DataLoader(data, 32, shuffle: true, seed: 42);
        }
        """, references: References);
}
