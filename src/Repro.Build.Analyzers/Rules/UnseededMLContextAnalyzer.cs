using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Repro.Build.Analyzers.Rules;

/// <summary>
/// REPRO004: <c>new MLContext()</c> without a seed (or with <c>seed: null</c>) seeds ML.NET from the system's
/// entropy: splits, shuffles, cross-validation, sampling transforms and trainers differ on every run. A context that
/// only loads a model and predicts draws nothing, so the rule follows each unseeded context (through the local, field
/// or property it is stored in) and reports it only when something random is done with it — or when it is handed on
/// and something random is done with a context the rule cannot trace. Per-call seeds of TrainTestSplit, ShuffleRows
/// and CrossValidate fall back to the context's seed, so a seeded context is enough.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededMLContextAnalyzer : ReproAnalyzer
{
    private const string Title = "Seed MLContext";
    private const string Message =
        "'new MLContext()' has no seed, and the context is used for '{0}', which then differs on every run; pass 'seed: 42' (or your seed)";
    private const string Description =
        "An MLContext without a seed draws its random numbers from the system's entropy: TrainTestSplit, ShuffleRows, CrossValidate, sampling transforms and "
        + "the trainers' initial states change from run to run. Seed the context once; per-call seeds fall back to it. Contexts used only to load models and "
        + "predict are not flagged.";

    /// <summary>A context created and used in one member: {0} is the random operation done with it.</summary>
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.UnseededMLContext,
        Title,
        Message,
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededMLContext));

    /// <summary>The same rule for contexts followed beyond one member (fields, contexts handed on): found once the whole program has been seen.</summary>
    internal static readonly DiagnosticDescriptor AcrossMembersRule = new(
        RuleIdentifiers.UnseededMLContext,
        Title,
        Message,
        RuleCategories.Reproducibility,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnseededMLContext),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    // Operations that draw from the context's generator besides the trainers.
    private static readonly ImmutableHashSet<string> RandomOperations = ImmutableHashSet.Create(
        "TrainTestSplit", "CrossValidationSplit", "ShuffleRows", "BootstrapSample", "CrossValidate", "CrossValidateNonCalibrated",
        "ProjectToPrincipalComponents", "ApproximatedKernelMap", "LatentDirichletAllocation", "PermutationFeatureImportance",
        "PermutationFeatureImportanceNonCalibrated", "Auto");

    // Trainers that draw nothing from the context with their default options: L-BFGS starts from zero weights
    // (InitialWeightsDiameter 0), ordinary least squares, naive Bayes and the prior are closed-form.
    private static readonly ImmutableHashSet<string> DeterministicTrainers = ImmutableHashSet.Create(
        "LbfgsLogisticRegression", "LbfgsMaximumEntropy", "LbfgsPoissonRegression", "Ols", "NaiveBayes", "Prior");

    private static readonly ImmutableHashSet<string> Identifiers = RandomOperations.Union(new[] { "MLContext", "Trainers" });

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, AcrossMembersRule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext compilationContext, WellKnownTypes types)
    {
        var mlContext = types.MLContext;
        if (mlContext is null)
        {
            return; // ML.NET is not referenced
        }

        var trainerEstimator = types.TrainerEstimator;

        // Per compilation: unseeded contexts and where they are stored; what random work is done with which context.
        var unseeded = new ConcurrentBag<(Location Location, ISymbol? StoredIn, bool Escapes, IMethodSymbol? Factory)>();
        var factories = new FactoryCalls();

        // A member that calls a factory (a method of this program declared to return MLContext) or hands on a context
        // field may name nothing else the filter looks for: `_ml = Contexts.Create();`, `new Trainer(_ml)`. Their names
        // come from the declarations alone.
        var identifiers = new System.Lazy<ImmutableHashSet<string>>(() => Identifiers.Union(ContextMemberNames(compilationContext.Compilation,
            compilationContext.CancellationToken)));
        var storedContexts = new ConcurrentDictionary<ISymbol, byte>(SymbolEqualityComparer.Default);
        var randomUses = new ConcurrentDictionary<ISymbol, string>(SymbolEqualityComparer.Default);
        var escaped = new ConcurrentDictionary<ISymbol, byte>(SymbolEqualityComparer.Default);
        var untraceableUses = new ConcurrentBag<(string Use, IMethodSymbol? Via)>();
        var creatingFactories = new ConcurrentDictionary<IMethodSymbol, byte>(SymbolEqualityComparer.Default);

        compilationContext.RegisterOperationBlockStartAction(blockContext =>
        {
            // Members that name neither MLContext nor a random operation get no per-operation callbacks; a field or
            // property of type MLContext, or a method that returns one (its initializer or body may be a bare new()),
            // always does.
            if (!TokenFilter.Mentions(blockContext.OperationBlocks, identifiers.Value)
                && !(blockContext.OwningSymbol is IFieldSymbol { Type: var fieldType } && SymbolEqualityComparer.Default.Equals(fieldType, mlContext))
                && !(blockContext.OwningSymbol is IPropertySymbol { Type: var propertyType } && SymbolEqualityComparer.Default.Equals(propertyType, mlContext))
                && !(blockContext.OwningSymbol is IMethodSymbol { ReturnType: var returnType } && SymbolEqualityComparer.Default.Equals(returnType, mlContext)))
            {
                return;
            }

            blockContext.RegisterOperationAction(
                operationContext =>
                {
                    var creation = (IObjectCreationOperation)operationContext.Operation;
                    if (creation.Constructor is { } constructor && constructor.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, mlContext)))
                    {
                        MarkPassed(creation.Arguments);
                    }

                    if (!SymbolEqualityComparer.Default.Equals(creation.Constructor?.ContainingType, mlContext))
                    {
                        return;
                    }

                    var (storedIn, escapes) = Destination(creation);
                    if (storedIn is not null)
                    {
                        storedContexts.TryAdd(storedIn, 0);
                    }

                    // Seeded or not, a context a factory creates is traced through the factory's calls.
                    var returnedBy = storedIn is null && IsReturned(creation)
                        || storedIn is ILocalSymbol returnedLocal && OperationHelpers.ReferencesTo(returnedLocal, creation).Any(IsReturned)
                        ? FactoryOf(creation, operationContext.ContainingSymbol, mlContext)
                        : null;
                    if (returnedBy is not null)
                    {
                        creatingFactories.TryAdd(returnedBy, 0);
                    }

                    if (!creation.Arguments.Any(a => a.Parameter?.Name == "seed" && (a.ArgumentKind == ArgumentKind.DefaultValue
                        || a.Value.ConstantValue is { HasValue: true, Value: null })))
                    {
                        return;
                    }

                    // Used in place or through a local: decided here, from this member alone.
                    if (storedIn is null && !escapes)
                    {
                        if (RandomUse(creation, trainerEstimator) is { } inPlace)
                        {
                            operationContext.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), inPlace));
                        }

                        return;
                    }

                    if (storedIn is ILocalSymbol local)
                    {
                        var references = OperationHelpers.ReferencesTo(local, creation).ToArray();
                        if (references.Select(r => RandomUse(r, trainerEstimator)).FirstOrDefault(u => u is not null) is { } throughLocal)
                        {
                            operationContext.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), throughLocal));
                        }
                        else if (references.Any(Escapes))
                        {
                            unseeded.Add((creation.Syntax.GetLocation(), null, true, returnedBy));
                        }

                        return;
                    }

                    unseeded.Add((creation.Syntax.GetLocation(), storedIn, escapes, returnedBy));
                },
                OperationKind.ObjectCreation);

            blockContext.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;

                    // Symbols first: building the argument operations costs more.
                    var method = invocation.TargetMethod;
                    if (method.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, mlContext)))
                    {
                        MarkPassed(method.IsExtensionMethod ? invocation.Arguments.RemoveAt(0) : invocation.Arguments);
                    }

                    // A call of a method of this program that returns a context: followed as a creation would be.
                    if (SymbolEqualityComparer.Default.Equals(method.ReturnType, mlContext) && !method.DeclaringSyntaxReferences.IsEmpty)
                    {
                        factories.Track(invocation, method.OriginalDefinition, trainerEstimator);
                    }

                    if (!IsRandom(method, trainerEstimator))
                    {
                        return;
                    }

                    var receiver = method.IsExtensionMethod ? invocation.Arguments.FirstOrDefault()?.Value : invocation.Instance;
                    switch (ContextOf(receiver, mlContext))
                    {
                        case null or IObjectCreationOperation:
                            return; // not an MLContext, or one created in place (decided where it is created)
                        case ILocalReferenceOperation local when IsCreatedHere(local):
                            return; // decided where the local is created
                        case var context when Symbol(context) is { } symbol and not IParameterSymbol and not ILocalSymbol:
                            randomUses.AddOrUpdate(symbol, method.Name, (_, existing) => FirstInOrder(existing, method.Name));
                            break;
                        case var context:
                            untraceableUses.Add((method.Name, FactoryCalled(context, mlContext)));
                            break;
                    }
                },
                OperationKind.Invocation);

            blockContext.RegisterOperationAction(
                operationContext =>
                {
                    // Returned or stored elsewhere: followed no further. The types are checked before the values are built.
                    var value = operationContext.Operation switch
                    {
                        IReturnOperation returned when operationContext.ContainingSymbol is IMethodSymbol { ReturnType: var type }
                            && (SymbolEqualityComparer.Default.Equals(type, mlContext) || type.SpecialType == SpecialType.System_Object)
                                => returned.ReturnedValue,
                        ISimpleAssignmentOperation assignment when SymbolEqualityComparer.Default.Equals(assignment.Type, mlContext) => assignment.Value,
                        _ => null,
                    };
                    if (value?.WithoutConversions() is { } context && SymbolEqualityComparer.Default.Equals(context.Type, mlContext)
                        && Symbol(context) is { } symbol)
                    {
                        escaped.TryAdd(symbol, 0);
                    }
                },
                OperationKind.Return,
                OperationKind.SimpleAssignment);
        });

        // A context handed to another method or constructor may be used for anything there.
        void MarkPassed(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                var value = argument.Value.WithoutConversions();
                if (SymbolEqualityComparer.Default.Equals(value.Type, mlContext) && Symbol(value) is { } passed)
                {
                    escaped.TryAdd(passed, 0);
                }
            }
        }

        compilationContext.RegisterCompilationEndAction(endContext =>
        {
            // Random work on a context that was not created where we can see it (a parameter, a field set from
            // elsewhere) may be done with any context that escaped; not the contexts that factories which create them
            // returned, which are traced through the factories' calls. The first name in ordinal order, so that the
            // message does not depend on which callback ran first.
            var untraced = untraceableUses.Where(u => u.Via is null || !creatingFactories.ContainsKey(u.Via)).Select(u => u.Use)
                .Concat(randomUses.Where(u => !storedContexts.ContainsKey(u.Key) && !(factories.FactoryStoredIn(u.Key) is { } via
                    && creatingFactories.ContainsKey(via))).Select(u => u.Value))
                .OrderBy(n => n, System.StringComparer.Ordinal)
                .FirstOrDefault();
            foreach (var (location, storedIn, escapes, factory) in unseeded.OrderBy(u => u.Location.SourceTree?.FilePath,
                System.StringComparer.Ordinal).ThenBy(u => u.Location.SourceSpan.Start))
            {
                // A factory whose every call this program makes is followed: its callers' use, and the untraced
                // use only when one of them hands the context on. One nobody here calls is handed on to the callers.
                var use = factory is not null && factories.IsCalled(factory) ? factories.UseOf(factory, randomUses) ?? (factories.HandsOn(factory, escaped)
                    ? untraced : null)
                    : storedIn is not null && randomUses.TryGetValue(storedIn, out var direct) ? direct
                    : (escapes || (storedIn is not null && escaped.ContainsKey(storedIn))) ? untraced
                    : null;
                if (use is not null)
                {
                    endContext.ReportDiagnostic(Diagnostic.Create(AcrossMembersRule, location, use));
                }
            }
        });
    }

    /// <summary>
    /// The calls of factory methods (methods of this program that return a context): how their callers use the context
    /// each call returns, per factory. Shared by the operation callbacks of one compilation.
    /// </summary>
    private sealed class FactoryCalls
    {
        private readonly ConcurrentDictionary<IMethodSymbol, byte> _called = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, string> _uses = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, byte> _escapes = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, IMethodSymbol> _storedIn = new(SymbolEqualityComparer.Default);

        public void Track(IInvocationOperation call, IMethodSymbol factory, INamedTypeSymbol? trainerEstimator)
        {
            _called.TryAdd(factory, 0);
            var (storedIn, escapes) = Destination(call);
            string? use;
            if (storedIn is ILocalSymbol local)
            {
                var references = OperationHelpers.ReferencesTo(local, call).ToArray();
                use = references.Select(r => RandomUse(r, trainerEstimator)).FirstOrDefault(u => u is not null);
                escapes = use is null && references.Any(Escapes);
            }
            else if (storedIn is not null)
            {
                _storedIn.TryAdd(storedIn, factory); // a field or property: its random uses are recorded where they are made
                return;
            }
            else
            {
                use = escapes ? null : RandomUse(call, trainerEstimator);
            }

            if (use is not null)
            {
                _uses.AddOrUpdate(factory, use, (_, existing) => FirstInOrder(existing, use));
            }
            else if (escapes)
            {
                _escapes.TryAdd(factory, 0);
            }
        }

        public bool IsCalled(IMethodSymbol factory) => _called.ContainsKey(factory);

        /// <summary>The factory whose context a field or property was set to, or null.</summary>
        public IMethodSymbol? FactoryStoredIn(ISymbol holder) => _storedIn.TryGetValue(holder, out var factory) ? factory : null;

        /// <summary>A caller hands the context on: directly, or from the field or property it stored it in.</summary>
        public bool HandsOn(IMethodSymbol factory, ConcurrentDictionary<ISymbol, byte> escaped) =>
            _escapes.ContainsKey(factory) || _storedIn.Any(s => SymbolEqualityComparer.Default.Equals(s.Value, factory) && escaped.ContainsKey(s.Key));

        /// <summary>The random use made of a context the factory returned, directly or through the field or property it was stored in.</summary>
        public string? UseOf(IMethodSymbol factory, ConcurrentDictionary<ISymbol, string> randomUses) =>
            _uses.TryGetValue(factory, out var use) ? use
            : _storedIn.Where(s => SymbolEqualityComparer.Default.Equals(s.Value, factory) && randomUses.ContainsKey(s.Key))
                .Select(s => randomUses[s.Key]).OrderBy(n => n, System.StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>
    /// The names of the methods declared to return MLContext and of the fields and properties declared as MLContext,
    /// read from the syntax of the type declarations (no bodies).
    /// </summary>
    private static System.Collections.Generic.IEnumerable<string> ContextMemberNames(Compilation compilation,
        System.Threading.CancellationToken cancellationToken)
    {
        foreach (var member in compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot(cancellationToken).DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or
                TypeDeclarationSyntax))
            .OfType<MemberDeclarationSyntax>())
        {
            switch (member)
            {
                case MethodDeclarationSyntax method when IsContextType(method.ReturnType):
                    yield return method.Identifier.ValueText;
                    break;
                case PropertyDeclarationSyntax property when IsContextType(property.Type):
                    yield return property.Identifier.ValueText;
                    break;
                case FieldDeclarationSyntax field when IsContextType(field.Declaration.Type):
                    foreach (var variable in field.Declaration.Variables)
                    {
                        yield return variable.Identifier.ValueText;
                    }

                    break;
            }
        }

        static bool IsContextType(TypeSyntax type)
            => type is IdentifierNameSyntax { Identifier.ValueText: "MLContext" } or QualifiedNameSyntax { Right.Identifier.ValueText: "MLContext" };
    }

    /// <summary>The method a returned context comes out of, when it is an ordinary method (not a lambda) declared to return a context.</summary>
    private static IMethodSymbol? FactoryOf(IOperation creation, ISymbol containing, INamedTypeSymbol mlContext)
    {
        for (var current = creation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }
        }

        return containing is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && SymbolEqualityComparer.Default.Equals(method.ReturnType, mlContext)
            ? method.OriginalDefinition
            : null;
    }

    /// <summary>The method of this program whose call gave the context (in place, or as the local's initial value), or null.</summary>
    private static IMethodSymbol? FactoryCalled(IOperation context, INamedTypeSymbol mlContext)
    {
        var value = context is ILocalReferenceOperation local ? OperationHelpers.InitialValue(local.Local, local)?.WithoutConversions() : context;
        return value is IInvocationOperation { TargetMethod: { DeclaringSyntaxReferences.IsEmpty: false } method }
            && SymbolEqualityComparer.Default.Equals(method.ReturnType, mlContext)
            ? method.OriginalDefinition
            : null;
    }

    /// <summary>Of two uses, the one a message names: the first in ordinal order, whichever callback ran first.</summary>
    private static string FirstInOrder(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;

    /// <summary>A context (or a reference to its local) returned from the member.</summary>
    private static bool IsReturned(IOperation operation)
    {
        var current = operation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IReturnOperation;
    }

    private static bool IsRandom(IMethodSymbol method, INamedTypeSymbol? trainerEstimator) =>
        RandomOperations.Contains(method.Name)
        || (method.IsExtensionMethod && method.ReturnType.TypeKind == TypeKind.Class && !DeterministicTrainers.Contains(method.Name)
            && IsTrainer(method.ReturnType, trainerEstimator));

    /// <summary>The random operation a context (a creation, or a reference to its local) is the receiver of, through its catalogs.</summary>
    private static string? RandomUse(IOperation context, INamedTypeSymbol? trainerEstimator)
    {
        var current = context;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                case IPropertyReferenceOperation property when property.Instance == current:
                case IFieldReferenceOperation field when field.Instance == current:
                    current = parent;
                    continue;
                case IArgumentOperation { Parent: IInvocationOperation call } argument when call.TargetMethod.IsExtensionMethod
                    && argument.Parameter?.Ordinal == 0:
                    return IsRandom(call.TargetMethod, trainerEstimator) ? call.TargetMethod.Name : null;
                case IInvocationOperation call when call.Instance == current:
                    return IsRandom(call.TargetMethod, trainerEstimator) ? call.TargetMethod.Name : null;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>A reference that hands the context on: an argument (not the receiver of an extension), a return, an assignment.</summary>
    private static bool Escapes(IOperation reference)
    {
        var current = reference;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            IArgumentOperation { Parent: IInvocationOperation call } argument => !(call.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0),
            IArgumentOperation or IReturnOperation => true,
            ISimpleAssignmentOperation assignment => assignment.Value == current,
            IVariableInitializerOperation => true,
            _ => false,
        };
    }

    /// <summary>A local initialized with <c>new MLContext(…)</c> (or <c>new(…)</c>).</summary>
    private static bool IsCreatedHere(ILocalReferenceOperation local)
    {
        var value = OperationHelpers.InitialValue(local.Local, local);
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value is IObjectCreationOperation;
    }

    /// <summary>Where a new context (a creation, or a factory's call) goes: the local, field or property it is stored in, or whether it is handed on.</summary>
    private static (ISymbol? StoredIn, bool Escapes) Destination(IOperation creation)
    {
        var current = creation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => (declarator.Symbol, false),
            IFieldInitializerOperation { InitializedFields: { Length: 1 } fields } => (fields[0], false),
            IPropertyInitializerOperation { InitializedProperties: { Length: 1 } properties } => (properties[0], false),
            ISimpleAssignmentOperation assignment when assignment.Value == current => (Symbol(assignment.Target), Symbol(assignment.Target) is null),
            IArgumentOperation or IReturnOperation => (null, true),
            _ => (null, false), // used in place: new MLContext().Data…
        };
    }

    /// <summary>The context a catalog chain starts from (ml.BinaryClassification.Trainers → ml).</summary>
    private static IOperation? ContextOf(IOperation? receiver, INamedTypeSymbol mlContext)
    {
        var current = receiver?.WithoutConversions();
        while (current is not null && !SymbolEqualityComparer.Default.Equals(current.Type, mlContext))
        {
            current = current switch
            {
                IPropertyReferenceOperation { Instance: { } instance } => instance.WithoutConversions(),
                IFieldReferenceOperation { Instance: { } instance } => instance.WithoutConversions(),
                _ => null,
            };
        }

        return current;
    }

    private static ISymbol? Symbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    private static bool IsTrainer(ITypeSymbol? type, INamedTypeSymbol? trainerEstimator) =>
        trainerEstimator is not null && type is INamedTypeSymbol named
        && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, trainerEstimator)
            || named.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, trainerEstimator)));
}
