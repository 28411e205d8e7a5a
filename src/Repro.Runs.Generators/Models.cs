namespace Repro.Runs.Generators;

/// <summary>One parameter of the intercepted method, as the interceptor declares and records it.</summary>
internal sealed record ParameterModel(string Name, string Type, bool IsParams, ParameterRole Role);

/// <summary>A numeric member of a metrics result: a scalar, or a list of doubles recorded entry by entry.</summary>
internal sealed record MetricModel(string Name, bool IsList);

/// <summary>
/// One call site to intercept: everything the emitter needs, as strings, so that the model is equatable and an edit
/// elsewhere in the file does not regenerate the interceptors.
/// </summary>
/// <param name="Kind">What the call records.</param>
/// <param name="Attribute">The <c>[InterceptsLocation(version, data)]</c> attribute for this call site.</param>
/// <param name="Display">Where the call is (file, line, column), for a comment.</param>
/// <param name="ReturnType">The fully qualified return type, or <c>void</c>.</param>
/// <param name="ReceiverType">The <c>this</c> parameter's type (instance and extension methods), or null for a static call.</param>
/// <param name="Target">The original method as the interceptor calls it: <c>@this.Fit</c> or <c>global::N.C.M</c>.</param>
/// <param name="ReceiverIsArgument">An extension method: the receiver is passed as the first argument of <paramref name="Target"/>.</param>
/// <param name="Group">The task (<c>binary</c>, <c>regression</c>, …), <c>torch</c> or <c>mlnet</c>.</param>
/// <param name="Name">The trainer's or optimizer's name (the method's name).</param>
/// <param name="HasLastLearningRate">A scheduler with <c>get_last_lr()</c>.</param>
internal sealed record CallSite(
    HookKind Kind,
    string Attribute,
    string Display,
    string ReturnType,
    string? ReceiverType,
    string Target,
    bool ReceiverIsArgument,
    EquatableArray<ParameterModel> Parameters,
    string Group,
    string Name,
    EquatableArray<MetricModel> Metrics,
    bool HasLastLearningRate);

/// <summary>The project's settings and what the compilation supports; the generator emits nothing unless <see cref="CanEmit"/>.</summary>
internal sealed record AutologSettings(bool Enabled, bool AutoRun, bool NamespaceAllowed, bool HasRuntime, bool LanguageSupportsFileTypes)
{
    public bool CanEmit => Enabled && NamespaceAllowed && HasRuntime && LanguageSupportsFileTypes;
}
