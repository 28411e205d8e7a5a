using System;

namespace Repro.Build.Manifest;

/// <summary>A public property of a model type with its <see cref="PartOfAttribute"/> mark and a compiled getter.</summary>
internal sealed class ModelProperty
{
    public ModelProperty(string name, ManifestPart parts, bool portable, Func<object, object?> get)
    {
        Name = name;
        JsonName = char.ToLowerInvariant(name[0]) + name.Substring(1);
        Parts = parts;
        Portable = portable;
        Get = get;
    }

    /// <summary>The property's name in C#.</summary>
    public string Name { get; }

    /// <summary>The key in every JSON form of the model: camelCase.</summary>
    public string JsonName { get; }

    public ManifestPart Parts { get; }

    public bool Portable { get; }

    public Func<object, object?> Get { get; }
}
