using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO002: <c>Random.Shared</c> is seeded from the system's entropy and shared by the whole process, so neither its
/// sequence nor the order in which threads draw from it repeats from one run to the next. The same holds for sampling
/// with the cryptographic generator (<c>RandomNumberGenerator.Shuffle</c>, <c>GetItems</c>, and <c>GetInt32</c>,
/// <c>GetBytes</c>, <c>Fill</c> when their values pick elements, decide with a threshold or become numbers), which
/// cannot be seeded. Its other uses (keys, tokens, salts) are security code and are left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SharedRandomAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.SharedRandom,
        title: "Do not sample from generators that cannot be seeded",
        messageFormat: "{0}",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Random.Shared and the cryptographic RandomNumberGenerator cannot be seeded. Shuffles, splits and samples drawn from them (GetInt32 used as an index or against a threshold, GetBytes/Fill turned into numbers) change from run to run. Create a Random with a fixed seed once and pass it to the code that needs random numbers.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SharedRandom));

    // A member that names none of these cannot use the APIs, and gets no per-operation callbacks.
    private static readonly ImmutableHashSet<string> Identifiers = ImmutableHashSet.Create(
        "Shared", "Shuffle", "GetItems", "GetInt32", "GetBytes", "GetNonZeroBytes", "Fill");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            var crypto = compilationContext.Compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");
            var shared = compilationContext.Compilation.GetTypeByMetadataName("System.Random")?.GetMembers("Shared");
            var sharedProperty = shared is { Length: 1 } && shared.Value[0] is IPropertySymbol property ? property : null; // none on .NET Framework
            if (crypto is null && sharedProperty is null)
            {
                return;
            }

            compilationContext.RegisterOperationBlockStartAction(blockContext =>
            {
                if (!TokenFilter.Mentions(blockContext.OperationBlocks, Identifiers))
                {
                    return;
                }

                if (crypto is not null)
                {
                    blockContext.RegisterOperationAction(operationContext => AnalyzeCryptoCall(operationContext, crypto), OperationKind.Invocation);
                }

                if (sharedProperty is not null)
                {
                    blockContext.RegisterOperationAction(
                        operationContext =>
                        {
                            var reference = (IPropertyReferenceOperation)operationContext.Operation;
                            if (SymbolEqualityComparer.Default.Equals(reference.Property, sharedProperty))
                            {
                                operationContext.ReportDiagnostic(Diagnostic.Create(Rule, reference.Syntax.GetLocation(),
                                    "'Random.Shared' is seeded from the system's entropy and shared by the whole process, so its numbers differ on every run; create one 'new Random(seed)' and pass it along"));
                            }
                        },
                        OperationKind.PropertyReference);
                }
            });
        });
    }

    private static void AnalyzeCryptoCall(OperationAnalysisContext context, INamedTypeSymbol crypto)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("Shuffle" or "GetItems" or "GetInt32" or "GetBytes" or "GetNonZeroBytes" or "Fill")
            || !method.ContainingType.InheritsFrom(crypto))
        {
            return;
        }

        if (method.Name is "Shuffle" or "GetItems")
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(),
                $"'RandomNumberGenerator.{method.Name}' cannot be seeded, so the sample differs on every run; use a seeded 'new Random(seed).{method.Name}'"));
        }
        else if (CryptoSampling.Use(invocation) is { } use)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(),
                $"'RandomNumberGenerator.{method.Name}' cannot be seeded, and its value is used {use}, so the sample differs on every run; draw from one seeded 'new Random(seed)' instead"));
        }
    }
}
