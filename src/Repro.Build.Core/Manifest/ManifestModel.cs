using System;
using System.Collections.Generic;

namespace Repro.Build.Manifest;

/// <summary>
/// The marked properties of every model type, read from the <see cref="PartOfAttribute"/> marks at compile time by
/// Repro.Build.Generators (<c>ManifestModel.g.cs</c>): what the projections walk, without reflection at run time.
/// </summary>
internal static partial class ManifestModel
{
    private static readonly Dictionary<Type, ModelProperty[]> Table = Create();

    /// <summary>The properties of <paramref name="type"/> in declaration order; null for a type the generator did not see.</summary>
    public static ModelProperty[]? PropertiesOf(Type type) => Table.TryGetValue(type, out var properties) ? properties : null;

    /// <summary>Every model type the generator saw.</summary>
    public static IEnumerable<Type> Types => Table.Keys;

    private static Dictionary<Type, ModelProperty[]> Create()
    {
        var table = new Dictionary<Type, ModelProperty[]>();
        AddGenerated(table);
        return table;
    }

    static partial void AddGenerated(Dictionary<Type, ModelProperty[]> table);
}
