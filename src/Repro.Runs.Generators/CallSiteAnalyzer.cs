using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Repro.Runs.Generators;

/// <summary>
/// Decides whether one invocation is a call to intercept and describes it. A call qualifies only when its target
/// resolves to the exact API (by metadata name, so that Repro.Runs never depends on ML.NET or TorchSharp) and every type
/// of its signature can be named from generated code; anything else is left alone, so an API that differs in another
/// version of a library gets no interceptor rather than one that does not compile.
/// </summary>
internal static class CallSiteAnalyzer
{
    private const string OptOutAttribute = "Repro.Runs.NoAutologAttribute";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>Method names worth binding; everything else is skipped before the semantic model is asked.</summary>
    private static readonly HashSet<string> CandidateNames = new(StringComparer.Ordinal)
    {
        "Fit", "Evaluate", "EvaluateNonCalibrated", "CrossValidate", "CrossValidateNonCalibrated", "TrainTestSplit", "Save",
        "manual_seed", "save", "step",
    };

    /// <summary>
    /// The syntactic filter: a method call by a name of <see cref="CandidateNames"/>, a trainer called on a <c>Trainers</c>
    /// catalog (<c>ctx.Regression.Trainers.Sdca(…)</c>), or an optimizer called on <c>optim</c> (<c>torch.optim.Adam(…)</c>).
    /// </summary>
    public static bool IsCandidate(SyntaxNode node)
    {
        if (node is not InvocationExpressionSyntax invocation)
        {
            return false;
        }

        switch (invocation.Expression)
        {
            case MemberAccessExpressionSyntax access:
                var name = access.Name.Identifier.ValueText;
                if (CandidateNames.Contains(name))
                {
                    return true;
                }

                var receiverName = access.Expression switch
                {
                    MemberAccessExpressionSyntax inner => inner.Name.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    _ => null,
                };
                return receiverName is "Trainers" or "optim";
            case IdentifierNameSyntax identifier:
                // `using static TorchSharp.torch;` then `manual_seed(1)`
                return identifier.Identifier.ValueText == "manual_seed";
            default:
                return false;
        }
    }

    public static CallSite? Analyze(GeneratorSyntaxContext context, CancellationToken cancellation)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var model = context.SemanticModel;
        if (model.GetSymbolInfo(invocation, cancellation).Symbol is not IMethodSymbol called)
        {
            return null;
        }

        // An extension method called as one: describe it in its static form (receiver as the first parameter).
        var method = called.ReducedFrom ?? called;
        var isExtensionCall = called.ReducedFrom is not null;
        if (method.IsGenericMethod || method.IsVararg || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return null;
        }

        var hook = Classify(method, isExtensionCall);
        if (hook is null || IsBaseCall(invocation) || IsOptedOut(model, invocation, cancellation) || IsInExpressionTree(model, invocation, cancellation))
        {
            return null;
        }

        var location = model.GetInterceptableLocation(invocation, cancellation);
        if (location is null)
        {
            return null;
        }

        var compilation = model.Compilation;
        var parameters = ImmutableArray.CreateBuilder<ParameterModel>();
        var skip = isExtensionCall ? 1 : 0;
        for (var i = skip; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            if (parameter.RefKind != RefKind.None || !IsNameable(parameter.Type, compilation))
            {
                return null;
            }

            parameters.Add(new ParameterModel(
                Identifier(parameter.Name), parameter.Type.ToDisplayString(TypeFormat), parameter.IsParams, Role(hook.Value.Kind, parameter)));
        }

        string? receiverType = null;
        string target;
        if (isExtensionCall)
        {
            var receiver = method.Parameters[0];
            if (receiver.RefKind != RefKind.None || !IsNameable(receiver.Type, compilation))
            {
                return null;
            }

            receiverType = receiver.Type.ToDisplayString(TypeFormat);
            target = method.ContainingType.ToDisplayString(TypeFormat) + "." + Identifier(method.Name);
        }
        else if (method.IsStatic)
        {
            target = method.ContainingType.ToDisplayString(TypeFormat) + "." + Identifier(method.Name);
        }
        else
        {
            // A value-type receiver would need `ref this`; none of the hooked APIs is one.
            if (method.ContainingType.IsValueType || !IsNameable(method.ContainingType, compilation))
            {
                return null;
            }

            receiverType = method.ContainingType.ToDisplayString(TypeFormat);
            target = "@this." + Identifier(method.Name);
        }

        if (!method.ReturnsVoid && !IsNameable(method.ReturnType, compilation))
        {
            return null;
        }

        return new CallSite(
            hook.Value.Kind,
            location.GetInterceptsLocationAttributeSyntax(),
            location.GetDisplayLocation(),
            method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(TypeFormat),
            receiverType,
            target,
            isExtensionCall,
            new EquatableArray<ParameterModel>(parameters.ToImmutable()),
            hook.Value.Group,
            method.Name,
            new EquatableArray<MetricModel>(hook.Value.Metrics),
            hook.Value.HasLastLearningRate);
    }

    private static (HookKind Kind, string Group, ImmutableArray<MetricModel> Metrics, bool HasLastLearningRate)? Classify(
        IMethodSymbol method, bool isExtensionCall)
    {
        var none = ImmutableArray<MetricModel>.Empty;
        var type = method.ContainingType;
        if (isExtensionCall || !method.IsStatic)
        {
            var receiver = isExtensionCall ? method.Parameters[0].Type : type;
            if (!method.ReturnsVoid && receiver is INamedTypeSymbol catalog && DerivesFrom(catalog, KnownTypes.TrainerCatalog))
            {
                return (HookKind.TrainerCreate, TaskOf(catalog.ContainingType), none, false);
            }
        }

        if (isExtensionCall)
        {
            return null;
        }

        switch (method.Name)
        {
            case "Fit" when !method.IsStatic && method.Parameters.Length == 1 && Is(method.Parameters[0].Type, KnownTypes.DataView)
                && (Is(type.OriginalDefinition, KnownTypes.Estimator) || Implements(type, KnownTypes.Estimator)):
                return (HookKind.Fit, "mlnet", none, false);
            case "Evaluate" or "EvaluateNonCalibrated" when !method.IsStatic && !method.ReturnsVoid && DerivesFrom(type, KnownTypes.TaskCatalog):
                return (HookKind.Evaluate, TaskOf(type), MetricsOf(method.ReturnType), false);
            case "CrossValidate" or "CrossValidateNonCalibrated" when !method.IsStatic && DerivesFrom(type, KnownTypes.TaskCatalog)
                && FoldMetricsType(method.ReturnType) is { } foldMetrics:
                return (HookKind.CrossValidate, TaskOf(type), MetricsOf(foldMetrics), false);
            case "TrainTestSplit" when !method.IsStatic && Is(type, KnownTypes.DataCatalog):
                return (HookKind.TrainTestSplit, "mlnet", none, false);
            case "Save" when !method.IsStatic && Is(type, KnownTypes.ModelCatalog) && HasPath(method, "filePath"):
                return (HookKind.SaveToPath, "mlnet", none, false);
            case "save" when !method.IsStatic && (Is(type, KnownTypes.TorchModule) || DerivesFrom(type, KnownTypes.TorchModule))
                && HasPath(method, "location"):
                return (HookKind.SaveToPath, "torch", none, false);
            case "manual_seed" when method.IsStatic && method.Parameters.Length == 1
                && (Is(type, KnownTypes.Torch) || Is(type, KnownTypes.TorchRandom)):
                return (HookKind.TorchSeed, "torch", none, false);
            case "step" when !method.IsStatic && (Is(type, KnownTypes.Scheduler) || DerivesFrom(type, KnownTypes.Scheduler)):
                return (HookKind.SchedulerStep, "torch", none, HasLastLearningRate(type));
        }

        if (method.IsStatic && !method.ReturnsVoid && Is(type, KnownTypes.TorchOptim) && method.Parameters.Length > 0
            && method.Parameters[0].Type is INamedTypeSymbol { Name: "IEnumerable" })
        {
            return (HookKind.OptimizerCreate, "torch", none, false);
        }

        return null;
    }

    private static ParameterRole Role(HookKind kind, IParameterSymbol parameter)
    {
        if (kind == HookKind.SaveToPath)
        {
            return parameter.Name is "filePath" or "location" ? ParameterRole.OutputPath : ParameterRole.None;
        }

        if (kind is HookKind.Fit or HookKind.Evaluate or HookKind.SchedulerStep)
        {
            return ParameterRole.None;
        }

        var type = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : parameter.Type;
        if (parameter.Name == "seed" && type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt64)
        {
            return ParameterRole.Seed;
        }

        if (type.TypeKind == TypeKind.Enum || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_String
            or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal)
        {
            return ParameterRole.Scalar;
        }

        return kind == HookKind.TrainerCreate && type is INamedTypeSymbol { TypeKind: TypeKind.Class } options
            && DerivesFrom(options, KnownTypes.TrainerOptions)
            ? ParameterRole.Options
            : ParameterRole.None;
    }

    /// <summary>The public numeric properties of a metrics type and of its bases, and its lists of doubles.</summary>
    private static ImmutableArray<MetricModel> MetricsOf(ITypeSymbol type)
    {
        var metrics = ImmutableArray.CreateBuilder<MetricModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol
                    {
                        DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsIndexer: false, GetMethod: not null,
                    } property
                    || !seen.Add(property.Name))
                {
                    continue;
                }

                if (property.Type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Int32 or SpecialType.System_Int64)
                {
                    metrics.Add(new MetricModel(property.Name, IsList: false));
                }
                else if (property.Type is INamedTypeSymbol { Name: "IReadOnlyList" } list && IsOfDouble(list)
                    && list.ContainingNamespace.ToDisplayString() == "System.Collections.Generic")
                {
                    metrics.Add(new MetricModel(property.Name, IsList: true));
                }
            }
        }

        return metrics.ToImmutable();
    }

    /// <summary>
    /// For <c>IReadOnlyList&lt;CrossValidationResult&lt;TMetrics&gt;&gt;</c>: TMetrics, when the result has <c>Metrics</c> and an
    /// int <c>Fold</c>.
    /// </summary>
    private static ITypeSymbol? FoldMetricsType(ITypeSymbol returnType)
    {
        if (returnType is not INamedTypeSymbol { Name: "IReadOnlyList", TypeArguments.Length: 1 } list || list.TypeArguments[0] is not INamedTypeSymbol result)
        {
            return null;
        }

        ITypeSymbol? metrics = null;
        var hasFold = false;
        foreach (var member in result.GetMembers())
        {
            if (member is IFieldSymbol { DeclaredAccessibility: Accessibility.Public, Name: "Metrics" } field)
            {
                metrics = field.Type;
            }
            else if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public, Name: "Metrics", GetMethod: not null } property)
            {
                metrics = property.Type;
            }
            else if (member is IFieldSymbol { DeclaredAccessibility: Accessibility.Public, Name: "Fold", Type.SpecialType: SpecialType.System_Int32 }
                or IPropertySymbol { DeclaredAccessibility: Accessibility.Public, Name: "Fold", Type.SpecialType: SpecialType.System_Int32 })
            {
                hasFold = true;
            }
        }

        return hasFold ? metrics : null;
    }

    private static bool HasPath(IMethodSymbol method, string name)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name == name && parameter.Type.SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLastLearningRate(INamedTypeSymbol scheduler)
    {
        for (var current = scheduler; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("get_last_lr"))
            {
                if (member is IMethodSymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false, Parameters.Length: 0 } getter
                    && getter.ReturnType is INamedTypeSymbol { Name: "IEnumerable" } sequence && IsOfDouble(sequence))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsOfDouble(INamedTypeSymbol type) =>
        type.TypeArguments.Length == 1 && type.TypeArguments[0].SpecialType == SpecialType.System_Double;

    /// <summary>binary, multiclass, regression, clustering, ranking, anomaly, or the catalog's own name for one we do not know.</summary>
    private static string TaskOf(INamedTypeSymbol? catalog) => catalog?.Name switch
    {
        "BinaryClassificationCatalog" => "binary",
        "MulticlassClassificationCatalog" => "multiclass",
        "RegressionCatalog" => "regression",
        "ClusteringCatalog" => "clustering",
        "RankingCatalog" => "ranking",
        "AnomalyDetectionCatalog" => "anomaly",
        { } name when name.EndsWith("Catalog", StringComparison.Ordinal) => name.Substring(0, name.Length - "Catalog".Length).ToLowerInvariant(),
        { } name => name.ToLowerInvariant(),
        null => "mlnet",
    };

    /// <summary><c>base.Fit(data)</c> in an estimator of one's own: the interceptor's call would be virtual, and could call the override again.</summary>
    private static bool IsBaseCall(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax };

    /// <summary>A call inside a lambda that becomes an expression tree is data, not a call: it is not intercepted.</summary>
    private static bool IsInExpressionTree(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellation)
    {
        foreach (var lambda in invocation.Ancestors().OfType<AnonymousFunctionExpressionSyntax>())
        {
            if (model.GetTypeInfo(lambda, cancellation).ConvertedType is INamedTypeSymbol converted
                && Is(converted.OriginalDefinition, "System.Linq.Expressions.Expression`1"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOptedOut(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellation)
    {
        for (var symbol = model.GetEnclosingSymbol(invocation.SpanStart, cancellation); symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (HasOptOut(symbol.GetAttributes()))
            {
                return true;
            }

            if (symbol is INamespaceSymbol)
            {
                break;
            }
        }

        return HasOptOut(model.Compilation.Assembly.GetAttributes());
    }

    private static bool HasOptOut(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } type && Is(type, OptOutAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A type the generated code can write: no type parameters, anonymous, pointer or dynamic types, and only types
    /// accessible from outside their declaration (public, or internal to this compilation).
    /// </summary>
    private static bool IsNameable(ITypeSymbol type, Compilation compilation)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsNameable(array.ElementType, compilation);
            case INamedTypeSymbol named when !named.IsAnonymousType && named.TypeKind is not TypeKind.Error:
                for (ISymbol? current = named; current is INamedTypeSymbol part; current = current.ContainingSymbol)
                {
                    var accessible = part.DeclaredAccessibility == Accessibility.Public
                        || (part.DeclaredAccessibility == Accessibility.Internal
                            && SymbolEqualityComparer.Default.Equals(part.ContainingAssembly, compilation.Assembly));
                    if (!accessible || part.IsFileLocal)
                    {
                        return false;
                    }
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (!IsNameable(argument, compilation))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static bool DerivesFrom(ITypeSymbol type, string metadataName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (Is(current.OriginalDefinition, metadataName))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Implements(ITypeSymbol type, string metadataName)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (Is(candidate.OriginalDefinition, metadataName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Compares a type with a metadata name (<c>N.Outer+Inner`1</c>) without formatting the type.</summary>
    private static bool Is(ITypeSymbol type, string metadataName)
    {
        var end = metadataName.Length;
        ISymbol? current = type;
        while (current is INamedTypeSymbol named)
        {
            var name = named.MetadataName;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(metadataName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (named.ContainingType is not null)
            {
                if (start == 0 || metadataName[start - 1] != '+')
                {
                    return false;
                }

                end = start - 1;
                current = named.ContainingType;
                continue;
            }

            var ns = named.ContainingNamespace;
            if (ns is null || ns.IsGlobalNamespace)
            {
                return start == 0;
            }

            if (start == 0 || metadataName[start - 1] != '.')
            {
                return false;
            }

            return ns.ToDisplayString() == metadataName.Substring(0, start - 1);
        }

        return false;
    }

    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
