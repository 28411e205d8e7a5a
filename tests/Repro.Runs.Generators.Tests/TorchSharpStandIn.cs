using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Repro.Runs.Generators.Tests;

/// <summary>
/// An assembly named TorchSharp that declares the hooked part of TorchSharp 0.107.0's API with the same metadata names,
/// signatures and return types (torch.manual_seed, torch.optim.Adam and SGD, lr_scheduler.StepLR and LRScheduler.step
/// and get_last_lr, nn.Module.save and parameters), in managed code: TorchSharp's own native library (LibTorchSharp)
/// cannot load on the machines the tests run on (docs/autolog.md says why), so the generated interceptors are run against
/// this instead. <see cref="TorchSharpLoopTests"/> proves it matches: the generator writes, byte for byte, the same
/// interceptors for a training loop compiled against it as against the real TorchSharp package.
/// </summary>
internal static class TorchSharpStandIn
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;

        namespace TorchSharp
        {
            public static partial class torch
            {
                public static long InitialSeed { get; private set; }

                public static Generator manual_seed(long seed)
                {
                    InitialSeed = seed;
                    return new Generator();
                }

                public sealed class Generator
                {
                }

                public sealed class Tensor
                {
                }

                public static class random
                {
                    public static Generator manual_seed(long seed) => torch.manual_seed(seed);
                }

                public static class nn
                {
                    public abstract class Module
                    {
                        private readonly List<TorchSharp.Modules.Parameter> _parameters = new();

                        protected Module(string name)
                        {
                            _parameters.Add(new TorchSharp.Modules.Parameter());
                        }

                        public virtual IEnumerable<TorchSharp.Modules.Parameter> parameters(bool recurse = true) => _parameters;

                        public Module save(string location, IList<string> skip = null)
                        {
                            File.WriteAllText(location, GetType().Name + " " + _parameters.Count);
                            return this;
                        }

                        public Module save(Stream stream, IList<string> skip = null) => this;
                    }

                    public abstract class Module<T, TResult> : Module
                    {
                        protected Module(string name)
                            : base(name)
                        {
                        }

                        public abstract TResult forward(T input);
                    }
                }

                public static class optim
                {
                    public static TorchSharp.Modules.Adam Adam(IEnumerable<TorchSharp.Modules.Parameter> parameters, double lr = 0.001, double beta1 = 0.9,
                        double beta2 = 0.999, double eps = 1E-08, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                        new TorchSharp.Modules.Adam(lr);

                    public static TorchSharp.Modules.SGD SGD(IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate, double momentum = 0,
                        double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                        new TorchSharp.Modules.SGD(learningRate);

                    public abstract class Optimizer
                    {
                        protected Optimizer(double lr)
                        {
                            LearningRate = lr;
                        }

                        public double LearningRate { get; set; }

                        public int Steps { get; private set; }

                        public virtual void step() => Steps++;
                    }

                    public static class lr_scheduler
                    {
                        public static LRScheduler StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                            new StepScheduler(optimizer, step_size, gamma);

                        public abstract class LRScheduler
                        {
                            protected LRScheduler(Optimizer optimizer)
                            {
                                Optimizer = optimizer;
                            }

                            protected Optimizer Optimizer { get; }

                            public virtual void step()
                            {
                            }

                            public virtual void step(int? epoch) => step();

                            public IEnumerable<double> get_last_lr() => new[] { Optimizer.LearningRate };
                        }

                        private sealed class StepScheduler : LRScheduler
                        {
                            private readonly int _stepSize;
                            private readonly double _gamma;
                            private int _epoch;

                            public StepScheduler(Optimizer optimizer, int stepSize, double gamma)
                                : base(optimizer)
                            {
                                _stepSize = stepSize;
                                _gamma = gamma;
                            }

                            public override void step()
                            {
                                _epoch++;
                                if (_epoch % _stepSize == 0)
                                {
                                    Optimizer.LearningRate *= _gamma;
                                }
                            }
                        }
                    }
                }
            }
        }

        namespace TorchSharp.Modules
        {
            public sealed class Parameter
            {
            }

            public sealed class Adam : TorchSharp.torch.optim.Optimizer
            {
                public Adam(double lr)
                    : base(lr)
                {
                }
            }

            public sealed class SGD : TorchSharp.torch.optim.Optimizer
            {
                public SGD(double lr)
                    : base(lr)
                {
                }
            }
        }
        """;

    private static readonly Lazy<byte[]> CompiledImage = new(Compile);

    /// <summary>The stand-in's assembly, compiled once.</summary>
    public static byte[] Image => CompiledImage.Value;

    /// <summary>The snippets' references with the stand-in in place of the real TorchSharp.</summary>
    public static ImmutableArray<MetadataReference> References => GeneratorHarness.DefaultReferences
        .Where(r => !string.Equals(Path.GetFileName(((PortableExecutableReference)r).FilePath), "TorchSharp.dll", StringComparison.OrdinalIgnoreCase))
        .Append(MetadataReference.CreateFromImage(Image))
        .ToImmutableArray();

    private static byte[] Compile()
    {
        var compilation = CSharpCompilation.Create(
            "TorchSharp",
            [CSharpSyntaxTree.ParseText(Source)],
            GeneratorHarness.DefaultReferences.Where(r => !string.Equals(Path.GetFileName(((PortableExecutableReference)r).FilePath), "TorchSharp.dll",
                StringComparison.OrdinalIgnoreCase)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
        }

        return image.ToArray();
    }
}
