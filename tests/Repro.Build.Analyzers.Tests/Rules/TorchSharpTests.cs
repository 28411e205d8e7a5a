using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Repro.Build.Analyzers.Rules;
using Torch = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededTorchAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using Loader = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.DataLoaderShuffleAnalyzer, Repro.Build.CodeFixes.Rules.DataLoaderShuffleFixer>;
using Transform = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseedableTransformAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using Workers = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.ParallelDataLoaderAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class TorchSharpTests
{
    private static readonly System.Collections.Immutable.ImmutableArray<MetadataReference> References = TestReferences.With("TorchSharp", "TorchVision");

    [Fact]
    public Task Reports_a_program_that_never_seeds_once_with_every_random_operation_as_an_additional_location()
    {
        var test = Torch.Create(References);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestCode = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torchvision;

            var a = {|#0:torch.rand(3, 4)|};
            var b = {|#1:randn(10)|};
            var p = {|#2:torch.randperm(100)|};
            var layer = {|#3:nn.Linear(4, 2)|};
            var drop = {|#4:nn.functional.dropout(a, 0.5)|};
            var flip = {|#5:transforms.RandomHorizontalFlip()|};
            var jitter = {|#6:transforms.ColorJitter(0.2f)|};
            var zeros = torch.zeros(3);
            var ones = nn.init.ones_(zeros);
            var resize = transforms.Resize(32, 32);
            var blur = transforms.GaussianBlur(3, sigma: 1.0f);
            """;
        var expected = new DiagnosticResult(UnseededTorchAnalyzer.Rule).WithArguments("torch.rand", 7);
        for (var i = 0; i <= 6; i++)
        {
            expected = expected.WithLocation(i);
        }

        test.ExpectedDiagnostics.Add(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Quiet_in_libraries_whose_application_seeds() => Torch.AnalyzerAsync("""
        using TorchSharp;
        public class Models
        {
            public torch.nn.Module<torch.Tensor, torch.Tensor> Build() => torch.nn.Conv2d(3, 16, 3);
            public torch.Tensor Noise() => torch.randn(4);
        }
        """, references: References);

    [Fact]
    public Task Quiet_when_the_program_calls_manual_seed_anywhere() => Torch.AnalyzerAsync("""
        using TorchSharp;
        class Startup
        {
            public static void Seed() => torch.random.manual_seed(42);
        }
        class C
        {
            static void Main()
            {
                var a = torch.rand(3, 4);
                var layer = torch.nn.Linear(4, 2);
            }
        }
        """, OutputKind.ConsoleApplication, References);

    [Fact]
    public Task Quiet_with_an_explicit_generator_and_when_loaded_weights_replace_the_initial_ones() => Torch.AnalyzerAsync("""
        using TorchSharp;
        class C
        {
            static void Main()
            {
                var generator = new torch.Generator(42);
                var x = torch.rand(new long[] { 3, 4 }, generator: generator);
                var model = torch.nn.Linear(4, 2);
                model.load("weights.dat");
                var y = model.forward(x);
            }
        }
        """, OutputKind.ConsoleApplication, References);

    [Fact]
    public Task Flags_transforms_whose_own_generator_no_seed_reaches_even_in_seeded_programs() => Transform.AnalyzerAsync("""
        using TorchSharp;
        using static TorchSharp.torchvision;
        class C
        {
            void M()
            {
                torch.manual_seed(1);
                var crop = [|transforms.RandomResizedCrop(224)|];
                var rotate = [|transforms.RandomRotation(15)|];
                var perspective = [|transforms.RandomPerspective()|];
                var order = [|transforms.RandomOrder(transforms.Grayscale())|];
                var flip = transforms.RandomHorizontalFlip();
                var resize = transforms.Resize(256);
            }
        }
        """, references: References);

    [Fact]
    public Task Flags_data_loaders_running_random_augmentation_on_several_workers() => Workers.AnalyzerAsync("""
        using System.Collections.Generic;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torchvision;
        class Augmented : torch.utils.data.Dataset
        {
            private readonly ITransform _augment = transforms.Compose(transforms.RandomHorizontalFlip(), transforms.Resize(32));
            public override long Count => 10;
            public override Dictionary<string, torch.Tensor> GetTensor(long index) => new() { ["data"] = _augment.call(torch.zeros(3, 32, 32)) };
        }
        class Plain : torch.utils.data.Dataset
        {
            public override long Count => 10;
            public override Dictionary<string, torch.Tensor> GetTensor(long index) => new() { ["data"] = torch.zeros(3) };
        }
        class C
        {
            void M(int workers)
            {
                var a = [|new DataLoader(new Augmented(), 32, shuffle: true, seed: 1, num_worker: 4)|];
                var b = [|torch.utils.data.DataLoader(new Augmented(), 32, num_worker: workers)|];
                var one = new DataLoader(new Augmented(), 32, num_worker: 1);
                var plain = new DataLoader(new Plain(), 32, num_worker: 8);
                var sequential = new DataLoader(new Augmented(), 32);
            }
        }
        """, references: References);

    [Fact]
    public Task Flags_shuffling_data_loaders_without_a_seed_and_fixes_them() => Loader.FixAsync("""
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

    [Fact]
    public Task Flags_derived_data_loaders_created_with_shuffle_true() => Loader.AnalyzerAsync("""
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
            public AlwaysShuffles(torch.utils.data.Dataset data) [|: base(data, 32, shuffle: true)|] { }
        }
        class C
        {
            void M(torch.utils.data.Dataset data)
            {
                var a = [|new NoSeed(data, 32, shuffle: true)|];
                var b = [|new WithSeed(data, 32, shuffle: true)|];
                var c = new WithSeed(data, 32, shuffle: true, seed: 3);
                var d = new NoSeed(data, 32, shuffle: false);
            }
        }
        """, references: References);
}
