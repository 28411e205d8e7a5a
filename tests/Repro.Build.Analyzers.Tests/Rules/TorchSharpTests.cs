using System.Threading.Tasks;
using Torch = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededTorchAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using Loader = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.DataLoaderShuffleAnalyzer, Repro.Build.CodeFixes.Rules.DataLoaderShuffleFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class TorchSharpTests
{
    [Fact]
    public Task Flags_random_operations_in_a_program_that_never_seeds() => Torch.AnalyzerAsync("""
        using TorchSharp;
        using static TorchSharp.torch;
        class C
        {
            void M()
            {
                var a = [|torch.rand(3, 4)|];
                var b = [|randn(10)|];
                var p = [|torch.randperm(100)|];
                var layer = [|nn.Linear(4, 2)|];
                var drop = [|nn.functional.dropout(a, 0.5)|];
                var zeros = torch.zeros(3);
                var ones = nn.init.ones_(zeros);
            }
        }
        """, references: TestReferences.WithTorchSharp);

    [Fact]
    public Task Quiet_when_the_program_calls_manual_seed_anywhere() => Torch.AnalyzerAsync("""
        using TorchSharp;
        class Startup
        {
            public static void Seed() => torch.manual_seed(42);
        }
        class C
        {
            void M()
            {
                var a = torch.rand(3, 4);
                var layer = torch.nn.Linear(4, 2);
            }
        }
        """, references: TestReferences.WithTorchSharp);

    [Fact]
    public Task Quiet_with_an_explicit_generator() => Torch.AnalyzerAsync("""
        using TorchSharp;
        class C
        {
            torch.Tensor M(torch.Generator generator) => torch.rand(new long[] { 3, 4 }, generator: generator);
        }
        """, references: TestReferences.WithTorchSharp);

    [Fact]
    public Task Flags_shuffling_data_loaders_without_a_seed_and_fixes_them() => Loader.FixAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        class C
        {
            object A(torch.utils.data.Dataset data) => [|torch.utils.data.DataLoader(data, 32, shuffle: true)|];
            object B(torch.utils.data.Dataset data) => torch.utils.data.DataLoader(data, 32, shuffle: true, seed: 7);
            object D(torch.utils.data.Dataset data) => torch.utils.data.DataLoader(data, 32, shuffle: false);
        }
        """, """
        using TorchSharp;
        using TorchSharp.Modules;
        class C
        {
            object A(torch.utils.data.Dataset data) => torch.utils.data.DataLoader(data, 32, shuffle: true, seed: 42);
            object B(torch.utils.data.Dataset data) => torch.utils.data.DataLoader(data, 32, shuffle: true, seed: 7);
            object D(torch.utils.data.Dataset data) => torch.utils.data.DataLoader(data, 32, shuffle: false);
        }
        """, references: TestReferences.WithTorchSharp);
}
