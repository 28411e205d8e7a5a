using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededTorchAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnseededTorchAnalyzerTests
{
    private static readonly System.Collections.Immutable.ImmutableArray<MetadataReference> References = TestReferences.With("TorchSharp", "TorchVision");

    [Fact]
    public Task Reports_a_program_that_never_seeds_once_with_every_random_operation_as_an_additional_location()
    {
        var test = Verify.Create(References);
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
    public Task Quiet_in_libraries_whose_application_seeds() => Verify.AnalyzerAsync("""
        using TorchSharp;
        public class Models
        {
            public torch.nn.Module<torch.Tensor, torch.Tensor> Build() => torch.nn.Conv2d(3, 16, 3);
            public torch.Tensor Noise() => torch.randn(4);
        }
        """, references: References);

    [Fact]
    public Task Quiet_when_the_program_calls_manual_seed_anywhere() => Verify.AnalyzerAsync("""
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
    public Task Quiet_with_an_explicit_generator_and_when_loaded_weights_replace_the_initial_ones() => Verify.AnalyzerAsync("""
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
    public Task Reports_a_program_with_a_Main_even_when_it_is_compiled_as_a_library() => Verify.AnalyzerAsync("""
        using TorchSharp;
        class Program
        {
            static void Main()
            {
                var noise = {|#0:torch.randn(3, 4)|};
                var mask = {|#1:torch.rand(3, 4)|};
                System.Console.WriteLine((noise * mask).sum().item<float>());
            }
        }
        """,
        new[] { new DiagnosticResult(UnseededTorchAnalyzer.Rule).WithLocation(0).WithLocation(1).WithArguments("torch.randn", 2) },
        references: References);

    /// <summary>A YOLO-style library: modules with random initial weights and a trainer the application calls.</summary>
    private const string DetectionLibrary = """
        using TorchSharp;
        using static TorchSharp.torch;
        namespace Detection
        {
            public sealed class Backbone : nn.Module<Tensor, Tensor>
            {
                private readonly nn.Module<Tensor, Tensor> _conv = nn.Conv2d(3, 16, 3);
                public Backbone() : base("backbone") { RegisterComponents(); }
                public override Tensor forward(Tensor input) => _conv.forward(input);
            }
            public sealed class Trainer
            {
                public void Train(string images, int epochs) { }
                public void TrainWithSeed(string images, int seed) { }
                public float[] Predict(string image) => new float[0];
            }
        }
        """;

    private static CSharpCodeFixTest<UnseededTorchAnalyzer, EmptyCodeFixProvider, DefaultVerifier> WithLibrary(string program)
    {
        var test = Verify.Create(References);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestCode = program;
        var library = test.TestState.AdditionalProjects["Detection"];
        library.Sources.Add(("/Detection/Library.cs", DetectionLibrary));
        library.AdditionalReferences.AddRange(References);
        test.TestState.AdditionalProjectReferences.Add("Detection");
        return test;
    }

    [Fact]
    public Task Reports_an_application_that_trains_through_a_library_of_modules_and_never_seeds()
    {
        var test = WithLibrary("""
            var trainer = new Detection.Trainer();
            {|#0:trainer.Train("images/", epochs: 10)|};
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(UnseededTorchAnalyzer.LibraryRule).WithLocation(0).WithArguments("Trainer.Train", "Detection"));
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_a_library_module_built_and_trained_by_the_application()
    {
        var test = WithLibrary("""
            using TorchSharp;
            var model = {|#0:new Detection.Backbone()|};
            var optimizer = torch.optim.Adam(model.parameters());
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(UnseededTorchAnalyzer.Rule).WithLocation(0).WithArguments("Backbone", 1));
        return test.RunAsync();
    }

    [Fact]
    public Task Quiet_on_an_application_that_seeds_predicts_only_or_passes_the_library_a_seed()
    {
        var seeded = WithLibrary("""
            using TorchSharp;
            torch.manual_seed(42);
            new Detection.Trainer().Train("images/", epochs: 10);
            """);
        var predicts = WithLibrary("""
            var scores = new Detection.Trainer().Predict("image.png");
            """);
        var seedArgument = WithLibrary("""
            new Detection.Trainer().TrainWithSeed("images/", seed: 42);
            """);
        return Task.WhenAll(seeded.RunAsync(), predicts.RunAsync(), seedArgument.RunAsync());
    }
}

