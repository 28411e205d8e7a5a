using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Repro.Runs.Generators;

/// <summary>
/// Intercepts calls into ML.NET and TorchSharp at their call sites (C# interceptors) and forwards them unchanged,
/// recording into the current run what an MLflow autolog user finds in theirs: seeds, trainer and optimizer settings,
/// fits as steps, evaluation metrics, saved models (docs/autolog.md).
/// </summary>
/// <remarks>
/// Emits nothing unless the project allows the generated namespace in <c>InterceptorsNamespaces</c> (the package's
/// props do; a project that excluded them gets no interceptor rather than error CS9137), references the runtime
/// (<c>Repro.Runs.Autolog.AutologRuntime</c>), compiles C# 11 or later (file-local types) and has not set
/// <c>ReproAutolog</c> to false.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class AutologGenerator : IIncrementalGenerator
{
    /// <summary>The namespace of the generated interceptors, which the package adds to <c>InterceptorsNamespaces</c>.</summary>
    public const string GeneratedNamespace = "Repro.Runs.Autolog.Generated";

    private const string RuntimeType = "Repro.Runs.Autolog.AutologRuntime";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider.Select(static (provider, _) =>
        {
            var global = provider.GlobalOptions;
            var enabled = !global.TryGetValue("build_property.ReproAutolog", out var autolog) || !IsFalse(autolog);
            var autoRun = global.TryGetValue("build_property.ReproAutoRun", out var run) && IsTrue(run);
            // InterceptorsNamespaces and InterceptorsPreviewNamespaces, comma-separated (build/Repro.Runs.targets).
            var allowed = Lists(global.TryGetValue("build_property._ReproAutologInterceptorsNamespaces", out var namespaces) ? namespaces : null);
            return (enabled, autoRun, allowed);
        });

        var compilationSupport = context.CompilationProvider.Select(static (compilation, _) =>
            (compilation.GetTypeByMetadataName(RuntimeType) is not null,
             compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp11 }));

        var settings = options.Combine(compilationSupport).Select(static (pair, _) =>
            new AutologSettings(pair.Left.enabled, pair.Left.autoRun, pair.Left.allowed, pair.Right.Item1, pair.Right.Item2));

        var sites = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => CallSiteAnalyzer.IsCandidate(node), CallSiteAnalyzer.Analyze)
            .Where(static site => site is not null)
            .Select(static (site, _) => site!)
            .Collect();

        context.RegisterSourceOutput(sites.Combine(settings), static (output, pair) =>
        {
            var (all, setting) = pair;
            if (all.IsEmpty || !setting.CanEmit)
            {
                return;
            }

            output.AddSource("Repro.Runs.Autolog.g.cs", SourceText.From(InterceptorEmitter.Write(all, setting.AutoRun), Encoding.UTF8));
        });
    }

    private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static bool IsFalse(string value) => string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether an MSBuild list (<c>;</c> or <c>,</c> separated) holds the generated namespace.</summary>
    private static bool Lists(string? namespaces)
    {
        if (namespaces is null)
        {
            return false;
        }

        foreach (var item in namespaces.Split(';', ','))
        {
            if (item.Trim() == GeneratedNamespace)
            {
                return true;
            }
        }

        return false;
    }
}
