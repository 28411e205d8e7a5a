using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO003: a generator seeded from the clock, a GUID or entropy is as unseeded as one without a seed: the seed
/// differs on every run.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClockSeedAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.ClockSeed,
        title: "Do not seed from the clock or entropy",
        messageFormat: "The seed of '{0}' comes from '{1}', which differs on every run; use a fixed seed",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Seeds taken from Environment.TickCount, DateTime.Now, Stopwatch.GetTimestamp, Guid.NewGuid or a cryptographic generator change from run to run, so the generator's numbers do too. Use a fixed seed, and record it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ClockSeed));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            var seeded = new[] { "System.Random", "Microsoft.ML.MLContext" }
                .Select(compilationContext.Compilation.GetTypeByMetadataName)
                .Where(t => t is not null)
                .ToImmutableArray();
            if (seeded.IsEmpty)
            {
                return;
            }

            var sources = NondeterministicSources.Create(compilationContext.Compilation);
            compilationContext.RegisterOperationAction(
                operationContext =>
                {
                    var creation = (IObjectCreationOperation)operationContext.Operation;
                    if (creation.Constructor?.ContainingType is not { } type || !seeded.Contains(type, SymbolEqualityComparer.Default))
                    {
                        return;
                    }

                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.Explicit
                            && argument.Parameter?.Name.Equals("seed", System.StringComparison.OrdinalIgnoreCase) == true
                            && sources.FindIn(argument.Value) is { } source)
                        {
                            // The whole argument expression: unchecked(...) and parentheses have no operation of their own.
                            var expression = argument.Value.Syntax;
                            while (expression.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.CheckedExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax)
                            {
                                expression = expression.Parent;
                            }

                            var location = expression.GetLocation();
                            operationContext.ReportDiagnostic(Diagnostic.Create(Rule, location,
                                type.Name, source.ContainingType.Name + "." + source.Name));
                        }
                    }
                },
                OperationKind.ObjectCreation);
        });
    }
}
