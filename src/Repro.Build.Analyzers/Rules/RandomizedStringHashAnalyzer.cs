namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO006: on .NET (Core), <c>string.GetHashCode()</c>, <c>StringComparer.*.GetHashCode</c> and <c>HashCode</c> are
/// randomized per process. Used as data (bucketing rows into splits with <c>%</c>, an index, a comparison, a seed),
/// they put different rows on each side of a split on every run.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RandomizedStringHashAnalyzer : ReproAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.RandomizedStringHash,
        title: "Do not use per-process hash codes as data",
        messageFormat:
            "'{0}' is randomized per process, so using it as data ({1}) gives a different result on every run; use a stable hash such as XxHash32 over the "
            + "UTF-8 bytes",
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description:
            "String hash codes on .NET are randomized for every process. Hash-based splits, buckets, samples or seeds built on them change from run to run. "
            + "Use a stable hash of the content (System.IO.Hashing.XxHash32, or SHA-256) instead.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RandomizedStringHash));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext compilationContext, WellKnownTypes types)
    {
        var stringType = types.String;
        var stringComparer = types.StringComparer;
        var hashCode = types.HashCode;

        compilationContext.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                var isStringHash = method.Name == "GetHashCode" && method.Parameters.Length == 0
                    && SymbolEqualityComparer.Default.Equals(invocation.Instance?.Type, stringType);
                var isComparerHash = method.Name == "GetHashCode" && method.Parameters.Length == 1
                    && stringComparer is not null && OperationHelpers.InheritsFrom(method.ContainingType, stringComparer);
                var isHashCode = hashCode is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, hashCode)
                    && (method.Name == "Combine" || method.Name == "ToHashCode");
                if (!(isStringHash || isComparerHash || isHashCode) || IsInsideHashCodeImplementation(operationContext.ContainingSymbol, types))
                {
                    return;
                }

                if (DataUse(invocation, types) is { } use)
                {
                    var name = isStringHash ? "string.GetHashCode()" : isComparerHash ? "StringComparer.GetHashCode" : "HashCode." + method.Name;
                    operationContext.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), name, use));
                }
            },
            OperationKind.Invocation);
    }

    /// <summary>How the hash is used as data, or null when it is not (passed on, returned, stored as a hash).</summary>
    private static string? DataUse(IOperation hash, WellKnownTypes types, int depth = 0)
    {
        var current = hash;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IUnaryOperation:
                    current = parent;
                    continue;
                case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Abs" } abs } when
                    SymbolEqualityComparer.Default.Equals(abs.TargetMethod.ContainingType, types.Math):
                    current = abs;
                    continue;
                case IArgumentOperation { Parent: IObjectCreationOperation creation } when types.Random is not null
                    && SymbolEqualityComparer.Default.Equals(creation.Type, types.Random):
                    return "a Random seed";
                case IBinaryOperation binary:
                    switch (binary.OperatorKind)
                    {
                        case BinaryOperatorKind.Remainder:
                            return "with %";
                        case BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or
                            BinaryOperatorKind.GreaterThanOrEqual:
                            return "in a comparison";
                        case BinaryOperatorKind.And or BinaryOperatorKind.Multiply or BinaryOperatorKind.Add or BinaryOperatorKind.Subtract:
                            current = parent;
                            continue;
                        default:
                            return null;
                    }

                case IArrayElementReferenceOperation element when element.Indices.Contains(current):
                    return "as an index";
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when depth == 0:
                    return UseOfLocal(declarator, types);
                default:
                    return null;
            }
        }

        return null;
    }

    private static string? UseOfLocal(IVariableDeclaratorOperation declarator, WellKnownTypes types) =>
        OperationHelpers.ReferencesTo(declarator.Symbol, declarator).Select(reference => DataUse(reference, types,
            depth: 1)).FirstOrDefault(use => use is not null);

    private static bool IsInsideHashCodeImplementation(ISymbol containing, WellKnownTypes types)
    {
        for (var symbol = containing; symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (symbol is IMethodSymbol { Name: "GetHashCode" } method
                && (method.IsOverride || method.ExplicitInterfaceImplementations.Length > 0
                    || method.ContainingType.AllInterfaces.Any(i => WellKnownTypes.IsOneOf(i, types.EqualityComparers))))
            {
                return true;
            }
        }

        return false;
    }
}
