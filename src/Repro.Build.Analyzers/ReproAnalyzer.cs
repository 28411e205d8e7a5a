namespace Repro.Build.Analyzers;

/// <summary>
/// What every rule's analyzer does first: skip generated code, run concurrently, and start each compilation with the
/// compilation's <see cref="WellKnownTypes"/>. A rule registers its actions in <see cref="OnCompilationStart"/>, and
/// registers nothing when the types it looks for are missing.
/// </summary>
public abstract class ReproAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(compilationContext => OnCompilationStart(compilationContext,
            WellKnownTypes.Get(compilationContext.Compilation)));
    }

    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, WellKnownTypes types);
}
