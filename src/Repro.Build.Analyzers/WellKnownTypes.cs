using System.Runtime.CompilerServices;
using System.Threading;

namespace Repro.Build.Analyzers;

/// <summary>
/// The types and namespaces the rules look for, resolved once per compilation and shared by every analyzer
/// (<see cref="Get"/>). Callbacks compare symbols with these (<see cref="SymbolEqualityComparer.Default"/>), never
/// names or display strings. A type the compilation does not reference is null.
/// </summary>
internal sealed class WellKnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> PerCompilation = new();

    private readonly Compilation _compilation;
    private NondeterministicSources? _clocks;
    private ImmutableHashSet<INamespaceSymbol>? _machineLearningNamespaces;

    private WellKnownTypes(Compilation compilation)
    {
        _compilation = compilation;
        Random = Type("System.Random");
        RandomShared = Random?.GetMembers("Shared").OfType<IPropertySymbol>().FirstOrDefault(); // none on .NET Framework
        RandomNumberGenerator = Type("System.Security.Cryptography.RandomNumberGenerator");
        String = compilation.GetSpecialType(SpecialType.System_String);
        StringComparer = Type("System.StringComparer");
        HashCode = Type("System.HashCode");
        Math = Type("System.Math");
        EqualityComparers = Types("System.Collections.Generic.IEqualityComparer`1", "System.Collections.IEqualityComparer");
        ByteReaders = Types("System.BitConverter", "System.Buffers.Binary.BinaryPrimitives", "System.Runtime.InteropServices.MemoryMarshal");
        Output = Types("System.Console", "System.Diagnostics.Debug", "System.Diagnostics.Trace");
        LinqContainers = Types("System.Linq.Enumerable", "System.Linq.Queryable", "System.Linq.ParallelEnumerable");
        ParallelEnumerable = Type("System.Linq.ParallelEnumerable");
        Parallel = Type("System.Threading.Tasks.Parallel");
        TaskStarters = Types("System.Threading.Tasks.Task", "System.Threading.Tasks.TaskFactory");
        DirectoryTypes = Types("System.IO.Directory", "System.IO.DirectoryInfo");
        OrderedCollections = Types(
            "System.Collections.Generic.List`1", "System.Collections.Generic.Queue`1", "System.Collections.Generic.Stack`1",
            "System.Collections.Queue", "System.Collections.Stack");
        UnorderedCollections = Types(
            "System.Collections.Generic.HashSet`1", "System.Collections.Generic.SortedSet`1",
            "System.Collections.Generic.SortedDictionary`2", "System.Collections.Generic.Dictionary`2");
        ConcurrentCollections = Types(
            "System.Collections.Concurrent.ConcurrentBag`1", "System.Collections.Concurrent.ConcurrentQueue`1",
            "System.Collections.Concurrent.ConcurrentStack`1", "System.Collections.Concurrent.BlockingCollection`1");

        MLContext = Type("Microsoft.ML.MLContext");
        TrainerEstimator = Type("Microsoft.ML.Trainers.ITrainerEstimator`2");
        RacingTrainers = Types("Microsoft.ML.Trainers.SdcaTrainerBase`3", "Microsoft.ML.Trainers.SgdBinaryTrainerBase`1",
            "Microsoft.ML.Trainers.KMeansTrainer");
        CoreCountTrainers = Types("Microsoft.ML.Trainers.LbfgsTrainerBase`3");

        MathNetRandomSource = Type("MathNet.Numerics.Random.RandomSource");
        MathNetCryptoRandomSource = Type("MathNet.Numerics.Random.CryptoRandomSource");
        MathNetDistributions = Type("MathNet.Numerics.Distributions.Normal")?.ContainingNamespace;
        MathNetBuilders = Types("MathNet.Numerics.LinearAlgebra.MatrixBuilder`1", "MathNet.Numerics.LinearAlgebra.VectorBuilder`1");

        TorchSharp = TorchSharpApis.Create(compilation);
    }

    /// <summary>The holder of <paramref name="compilation"/>, made on first use.</summary>
    public static WellKnownTypes Get(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new WellKnownTypes(c));

    public INamedTypeSymbol? Random { get; }

    public IPropertySymbol? RandomShared { get; }

    public INamedTypeSymbol? RandomNumberGenerator { get; }

    public INamedTypeSymbol String { get; }

    public INamedTypeSymbol? StringComparer { get; }

    public INamedTypeSymbol? HashCode { get; }

    public INamedTypeSymbol? Math { get; }

    /// <summary><c>IEqualityComparer&lt;T&gt;</c> and the non-generic <c>IEqualityComparer</c>.</summary>
    public ImmutableArray<INamedTypeSymbol> EqualityComparers { get; }

    /// <summary>Types that turn bytes into numbers: BitConverter, BinaryPrimitives, MemoryMarshal.</summary>
    public ImmutableArray<INamedTypeSymbol> ByteReaders { get; }

    /// <summary>Console, Debug and Trace: what they write is shown, not computed with.</summary>
    public ImmutableArray<INamedTypeSymbol> Output { get; }

    /// <summary>Enumerable, Queryable and ParallelEnumerable.</summary>
    public ImmutableArray<INamedTypeSymbol> LinqContainers { get; }

    public INamedTypeSymbol? ParallelEnumerable { get; }

    public INamedTypeSymbol? Parallel { get; }

    /// <summary>Task and TaskFactory: Run and StartNew start work on the thread pool.</summary>
    public ImmutableArray<INamedTypeSymbol> TaskStarters { get; }

    /// <summary>Directory and DirectoryInfo.</summary>
    public ImmutableArray<INamedTypeSymbol> DirectoryTypes { get; }

    /// <summary>Collections that keep the order they are filled in (List, Queue, Stack).</summary>
    public ImmutableArray<INamedTypeSymbol> OrderedCollections { get; }

    /// <summary>Sets and dictionaries: copying into them drops the order.</summary>
    public ImmutableArray<INamedTypeSymbol> UnorderedCollections { get; }

    /// <summary>ConcurrentBag, ConcurrentQueue, ConcurrentStack and BlockingCollection: filled in thread order.</summary>
    public ImmutableArray<INamedTypeSymbol> ConcurrentCollections { get; }

    public INamedTypeSymbol? MLContext { get; }

    public INamedTypeSymbol? TrainerEstimator { get; }

    /// <summary>SDCA, SGD and KMeans trainers' base classes: their models differ from run to run on several threads (REPRO014).</summary>
    public ImmutableArray<INamedTypeSymbol> RacingTrainers { get; }

    /// <summary>The L-BFGS trainers' base class: their models differ with the number of threads, which defaults to the core count (REPRO014).</summary>
    public ImmutableArray<INamedTypeSymbol> CoreCountTrainers { get; }

    public INamedTypeSymbol? MathNetRandomSource { get; }

    public INamedTypeSymbol? MathNetCryptoRandomSource { get; }

    public INamespaceSymbol? MathNetDistributions { get; }

    /// <summary>Math.NET's <c>MatrixBuilder&lt;T&gt;</c> and <c>VectorBuilder&lt;T&gt;</c>.</summary>
    public ImmutableArray<INamedTypeSymbol> MathNetBuilders { get; }

    /// <summary>TorchSharp's and TorchVision's random APIs; null when TorchSharp is not referenced.</summary>
    public TorchSharpApis? TorchSharp { get; }

    /// <summary>The clock and entropy APIs (REPRO003, REPRO005).</summary>
    public NondeterministicSources Clocks =>
        Volatile.Read(ref _clocks) ?? Interlocked.CompareExchange(ref _clocks, NondeterministicSources.Create(_compilation), null) ?? _clocks!;

    /// <summary>True when <paramref name="type"/>'s definition is one of <paramref name="types"/>.</summary>
    public static bool IsOneOf(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> types) =>
        type?.OriginalDefinition is { } definition && types.Contains(definition, SymbolEqualityComparer.Default);

    /// <summary>A method of TorchSharp, ML.NET (Microsoft.ML…) or Math.NET: called for its effect on a model.</summary>
    public bool IsMachineLearningApi(IMethodSymbol method)
    {
        var roots = Volatile.Read(ref _machineLearningNamespaces);
        if (roots is null)
        {
            roots = MachineLearningNamespaces(_compilation);
            Interlocked.CompareExchange(ref _machineLearningNamespaces, roots, null);
        }

        for (var ns = method.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (roots.Contains(ns))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The namespaces TorchSharp, MathNet and Microsoft.ML as each referenced assembly declares them: a method's
    /// containing namespace is its own assembly's, not the compilation's merged one.
    /// </summary>
    private static ImmutableHashSet<INamespaceSymbol> MachineLearningNamespaces(Compilation compilation)
    {
        var builder = ImmutableHashSet.CreateBuilder<INamespaceSymbol>(SymbolEqualityComparer.Default);
        var assemblies = compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Append(compilation.Assembly);
        foreach (var global in assemblies.Select(assembly => assembly.GlobalNamespace))
        {
            builder.UnionWith(global.GetNamespaceMembers().Where(ns => ns.Name is "TorchSharp" or "MathNet"));
            builder.UnionWith(global.GetNamespaceMembers().Where(ns => ns.Name == "Microsoft").SelectMany(ns => ns.GetNamespaceMembers()).Where(ns => ns.Name ==
                "ML"));
        }

        return builder.ToImmutable();
    }

    private INamedTypeSymbol? Type(string metadataName) => _compilation.GetTypeByMetadataName(metadataName);

    private ImmutableArray<INamedTypeSymbol> Types(params string[] metadataNames) =>
        metadataNames.Select(Type).Where(type => type is not null).Cast<INamedTypeSymbol>().ToImmutableArray();
}
