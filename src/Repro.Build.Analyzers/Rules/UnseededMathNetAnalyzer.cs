using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO009: Math.NET Numerics generators without a seed (<c>new MersenneTwister()</c>), the shared default sources
/// (<c>SystemRandomSource.Default</c>), distributions and samplers that fall back to them (<c>new Normal(0, 1)</c>,
/// <c>Normal.Sample(0, 1)</c>) and <c>Matrix&lt;T&gt;.Build.Random(r, c)</c> draw different numbers on every run.
/// Active only when Math.NET Numerics is referenced.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededMathNetAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnseededMathNet,
        title: "Seed Math.NET Numerics random sources",
        messageFormat: "{0}",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Math.NET Numerics random sources created without a seed, the shared default sources, and distributions, samplers and random matrices that use them draw different numbers on every run. Create one seeded source (new MersenneTwister(seed)) and pass it to distributions and samplers.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededMathNet));

    /// <summary>Marks findings the code fix can mend by appending a seed argument.</summary>
    internal const string FixProperty = "Fix";

    private static readonly ImmutableDictionary<string, string?> AppendSeed = ImmutableDictionary<string, string?>.Empty.Add(FixProperty, "append-seed");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            var compilation = compilationContext.Compilation;
            var randomSource = compilation.GetTypeByMetadataName("MathNet.Numerics.Random.RandomSource");
            if (randomSource is null)
            {
                return; // Math.NET Numerics is not referenced
            }

            var systemRandom = compilation.GetTypeByMetadataName("System.Random");
            var distributions = compilation.GetTypeByMetadataName("MathNet.Numerics.Distributions.Normal")?.ContainingNamespace;
            var crypto = compilation.GetTypeByMetadataName("MathNet.Numerics.Random.CryptoRandomSource");
            var matrixBuilder = compilation.GetTypeByMetadataName("MathNet.Numerics.LinearAlgebra.MatrixBuilder`1");
            var vectorBuilder = compilation.GetTypeByMetadataName("MathNet.Numerics.LinearAlgebra.VectorBuilder`1");

            compilationContext.RegisterOperationAction(
                operationContext =>
                {
                    var creation = (IObjectCreationOperation)operationContext.Operation;
                    if (creation.Constructor is not { } constructor || creation.Type is not INamedTypeSymbol type)
                    {
                        return;
                    }

                    if (OperationHelpers.InheritsFrom(type, randomSource))
                    {
                        if (SymbolEqualityComparer.Default.Equals(type, crypto))
                        {
                            Report(operationContext, creation, "'CryptoRandomSource' cannot be seeded, so its numbers differ on every run; use a seeded source such as 'new MersenneTwister(seed)'");
                        }
                        else if (!constructor.Parameters.Any(p => p.Name == "seed") && !OnlyDrawnForDisplay(creation))
                        {
                            Report(operationContext, creation, $"'new {type.Name}()' has no seed and seeds itself from the system's entropy; pass a fixed seed", constructor.Parameters.Length == 0 ? AppendSeed : null);
                        }

                        return;
                    }

                    // new Normal(0, 1) and new Normal() alike fall back to the shared default source.
                    if (IsDistribution(type, distributions) && systemRandom is not null
                        && !constructor.Parameters.Any(p => OperationHelpers.InheritsFrom(p.Type as INamedTypeSymbol, systemRandom))
                        && type.InstanceConstructors.Any(c => c.Parameters.Any(p => OperationHelpers.InheritsFrom(p.Type as INamedTypeSymbol, systemRandom)))
                        && MaySample(creation))
                    {
                        Report(operationContext, creation, $"'new {type.Name}({(constructor.Parameters.Length == 0 ? "" : "…")})' samples from the shared 'SystemRandomSource.Default'; pass a seeded random source (a 'new MersenneTwister(seed)' created once)");
                    }
                },
                OperationKind.ObjectCreation);

            compilationContext.RegisterOperationAction(
                operationContext =>
                {
                    var reference = (IPropertyReferenceOperation)operationContext.Operation;
                    if (reference.Property is { Name: "Default", IsStatic: true } property && OperationHelpers.InheritsFrom(property.ContainingType, randomSource))
                    {
                        Report(operationContext, reference, $"'{property.ContainingType.Name}.Default' is shared and seeded from the system's entropy; create a seeded source and pass it along");
                    }
                },
                OperationKind.PropertyReference);

            compilationContext.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    var owner = method.ContainingType;
                    if (method.IsStatic && IsDistribution(owner, distributions) && method.Name.StartsWith("Sample", System.StringComparison.Ordinal) && systemRandom is not null
                        && !method.Parameters.Any(p => OperationHelpers.InheritsFrom(p.Type as INamedTypeSymbol, systemRandom))
                        && owner.GetMembers(method.Name).OfType<IMethodSymbol>().Any(m => m.Parameters.Any(p => OperationHelpers.InheritsFrom(p.Type as INamedTypeSymbol, systemRandom))))
                    {
                        Report(operationContext, invocation, $"'{owner.Name}.{method.Name}' without a random source samples from the shared default; pass a seeded source as the first argument");
                        return;
                    }

                    if (method.Name == "Random" && !method.Parameters.Any(p => p.Name is "seed" or "distribution")
                        && (SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, matrixBuilder) || SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, vectorBuilder)))
                    {
                        Report(operationContext, invocation, "'Build.Random' without a seed fills the values from the system's entropy; pass a seed as the last argument", AppendSeed);
                    }
                },
                OperationKind.Invocation);
        });
    }

    /// <summary>
    /// False when the distribution is only used for its density, distribution function or moments, which draw nothing:
    /// <c>new Normal(m, s).Density(x)</c>, or a local that is never sampled, passed on or returned.
    /// </summary>
    private static bool MaySample(IObjectCreationOperation creation)
    {
        IOperation current = creation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IInvocationOperation call when call.Instance == current:
                return IsSampling(call.TargetMethod);
            case IPropertyReferenceOperation:
                return false; // .Mean, .StdDev…
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when declarator.SemanticModel is { } model:
                foreach (var reference in OperationHelpers.ReferencesTo(declarator.Symbol, model))
                {
                    IOperation use = reference;
                    while (use.Parent is IConversionOperation or IParenthesizedOperation)
                    {
                        use = use.Parent;
                    }

                    var sampled = use.Parent switch
                    {
                        IInvocationOperation call when call.Instance == use => IsSampling(call.TargetMethod),
                        IPropertyReferenceOperation => false,
                        _ => true, // passed on, returned, stored: may be sampled there
                    };
                    if (sampled)
                    {
                        return true;
                    }
                }

                return false;
            default:
                return true;
        }
    }

    /// <summary>A source held in a local whose every draw only chooses what is displayed (see <see cref="DisplayOnlyUse"/>).</summary>
    private static bool OnlyDrawnForDisplay(IObjectCreationOperation creation)
    {
        if (creation.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } || declarator.SemanticModel is not { } model)
        {
            return false;
        }

        var references = OperationHelpers.ReferencesTo(declarator.Symbol, model).ToArray();
        return references.Length > 0
            && references.All(r => r.Parent is IInvocationOperation draw && draw.Instance == r && DisplayOnlyUse.Check(draw));
    }

    private static bool IsSampling(IMethodSymbol method) => method.Name.StartsWith("Sample", System.StringComparison.Ordinal);

    private static void Report(OperationAnalysisContext context, IOperation operation, string message, ImmutableDictionary<string, string?>? properties = null) =>
        context.ReportDiagnostic(Diagnostic.Create(Rule, operation.Syntax.GetLocation(), properties, message));

    private static bool IsDistribution(INamedTypeSymbol? type, INamespaceSymbol? distributions) =>
        type is not null && distributions is not null && SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, distributions);
}
