using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;

namespace Repro.Runs.Autolog;

/// <summary>
/// The seed of the <c>MLContext</c> an ML.NET catalog belongs to (<c>new MLContext(seed: 42)</c>). A constructor cannot be
/// intercepted, so the seed is read when a call on one of the context's catalogs is: every catalog implements ML.NET's
/// internal <c>Microsoft.ML.Data.IInternalCatalog</c> (its <c>Environment</c> is the context), and the context implements
/// <c>Microsoft.ML.Runtime.IHostEnvironmentInternal</c> (its <c>Seed</c> is the constructor's argument). Both are read by
/// reflection through the interface, so that Repro.Runs references no ML.NET; a version of ML.NET without either gives
/// no seed and no warning. Only reached with a run active; the getters are looked up once per type.
/// </summary>
internal static class MLContextSeed
{
    private const string CatalogInterface = "Microsoft.ML.Data.IInternalCatalog";
    private const string ContextInterface = "Microsoft.ML.Runtime.IHostEnvironmentInternal";

    private static readonly ConcurrentDictionary<Type, MethodInfo?> EnvironmentGetters = new();
    private static readonly ConcurrentDictionary<Type, MethodInfo?> SeedGetters = new();

    /// <summary>The context (host environment) of a catalog, or null when <paramref name="catalog"/> is not one.</summary>
    public static object? ContextOf(object catalog) => Read(catalog, EnvironmentGetters, CatalogInterface, "Environment");

    /// <summary>The seed the context was created with; null when it had none (a random seed) or it cannot be read.</summary>
    public static long? SeedOf(object context) => Read(context, SeedGetters, ContextInterface, "Seed") switch
    {
        int seed => seed,
        long seed => seed,
        _ => null,
    };

    private static object? Read(object target, ConcurrentDictionary<Type, MethodInfo?> cache, string interfaceName, string property)
    {
        var type = target.GetType();
        if (!cache.TryGetValue(type, out var getter))
        {
            getter = Find(type, interfaceName, property);
            cache[type] = getter;
        }

        if (getter is null)
        {
            return null;
        }

        try
        {
            return getter.Invoke(target, null);
        }
        catch (TargetInvocationException)
        {
            return null; // the library's own getter failed: no seed, and the training goes on
        }
    }

    private static MethodInfo? Find(Type type, string interfaceName, string property)
    {
        try
        {
            var contract = type.GetInterfaces().FirstOrDefault(i => string.Equals(i.FullName, interfaceName, StringComparison.Ordinal));
            var getter = contract?.GetProperty(property, BindingFlags.Public | BindingFlags.Instance)?.GetGetMethod();
            return getter is { IsStatic: false } && getter.GetParameters().Length == 0 ? getter : null;
        }
        catch (Exception ex) when (ex is AmbiguousMatchException or TypeLoadException or NotSupportedException)
        {
            return null;
        }
    }
}
