using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseedableTransformAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnseedableTransformAnalyzerTests
{
    private static readonly System.Collections.Immutable.ImmutableArray<MetadataReference> References = TestReferences.With("TorchSharp", "TorchVision");

    [Fact]
    public Task Flags_transforms_whose_own_generator_no_seed_reaches_even_in_seeded_programs() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using static TorchSharp.torchvision;
        class C
        {
            void M()
            {
                torch.manual_seed(1);
                var crop = {|#0:transforms.RandomResizedCrop(224)|};
                var rotate = {|#1:transforms.RandomRotation(15)|};
                var perspective = {|#2:transforms.RandomPerspective()|};
                var order = {|#3:transforms.RandomOrder(transforms.Grayscale())|};
                var flip = transforms.RandomHorizontalFlip();
                var resize = transforms.Resize(256);
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(UnseedableTransformAnalyzer.Rule).WithLocation(0).WithArguments("RandomResizedCrop"),
            Verify.Diagnostic(UnseedableTransformAnalyzer.Rule).WithLocation(1).WithArguments("RandomRotation"),
            Verify.Diagnostic(UnseedableTransformAnalyzer.Rule).WithLocation(2).WithArguments("RandomPerspective"),
            Verify.Diagnostic(UnseedableTransformAnalyzer.Rule).WithLocation(3).WithArguments("RandomOrder"),
        },
        references: References);
}
