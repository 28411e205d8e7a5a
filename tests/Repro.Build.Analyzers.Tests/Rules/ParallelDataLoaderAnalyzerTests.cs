using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.ParallelDataLoaderAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class ParallelDataLoaderAnalyzerTests
{
    private static readonly System.Collections.Immutable.ImmutableArray<MetadataReference> References = TestReferences.With("TorchSharp", "TorchVision");

    [Fact]
    public Task Flags_data_loaders_running_random_augmentation_on_several_workers() => Verify.AnalyzerAsync("""
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
                var a = {|#0:new DataLoader(new Augmented(), 32, shuffle: true, seed: 1, num_worker: 4)|};
                var b = {|#1:torch.utils.data.DataLoader(new Augmented(), 32, num_worker: workers)|};
                var one = new DataLoader(new Augmented(), 32, num_worker: 1);
                var plain = new DataLoader(new Plain(), 32, num_worker: 8);
                var sequential = new DataLoader(new Augmented(), 32);
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(ParallelDataLoaderAnalyzer.Rule).WithLocation(0).WithArguments("Augmented.GetTensor", "torchvision.transforms.RandomHorizontalFlip"),
            Verify.Diagnostic(ParallelDataLoaderAnalyzer.Rule).WithLocation(1).WithArguments("Augmented.GetTensor", "torchvision.transforms.RandomHorizontalFlip"),
        },
        references: References);
}
