using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Core.Tests;

/// <summary>
/// The manifest file is written by the model table (<see cref="ManifestProjection.WriteWhole"/>) and read by
/// System.Text.Json: held here to exactly the bytes System.Text.Json writes for the same model, for a manifest with
/// every field set (so that no field, key name or order can drift) and for one with its fields null.
/// </summary>
public sealed class ManifestWholeWriterTests
{
    [Fact]
    public void A_manifest_with_every_field_set_is_written_as_System_Text_Json_writes_it()
    {
        var manifest = new ReproManifest();
        var counter = 0;
        Fill(manifest, ref counter, depth: 0);

        var written = ManifestSerializer.ToUtf8Bytes(manifest);
        var oracle = IndentedJson.Write(writer => JsonSerializer.Serialize(writer, manifest, ManifestWriteOracle.Default.ReproManifest));

        Assert.Equal(Encoding.UTF8.GetString(oracle), Encoding.UTF8.GetString(written));
        Assert.True(counter > 100, $"only {counter} values were set: the filler missed part of the model");
        Assert.Equal(written, ManifestSerializer.ToUtf8Bytes(ManifestSerializer.FromUtf8Bytes(written))); // read back, written again
    }

    [Fact]
    public void A_manifest_with_its_nullable_fields_null_is_written_as_System_Text_Json_writes_it()
    {
        var manifest = new ReproManifest { Git = new GitSection(), Dependencies = new DependenciesSection { LockFile = null } };

        var written = ManifestSerializer.ToUtf8Bytes(manifest);
        var oracle = IndentedJson.Write(writer => JsonSerializer.Serialize(writer, manifest, ManifestWriteOracle.Default.ReproManifest));

        Assert.Equal(Encoding.UTF8.GetString(oracle), Encoding.UTF8.GetString(written));
    }

    /// <summary>Sets every public settable property to a distinct, non-default value (text with characters JSON escapes or keeps).</summary>
    private static void Fill(object target, ref int counter, int depth)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            property.SetValue(target, Value(property.PropertyType, property.Name, ref counter, depth));
        }
    }

    private static object? Value(Type type, string name, ref int counter, int depth)
    {
        counter++;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return $"{name} {counter} <ü> \"q\" + \\ é/";
        }

        if (underlying == typeof(int))
        {
            return counter;
        }

        if (underlying == typeof(long))
        {
            return 5_000_000_000L + counter;
        }

        if (underlying == typeof(bool))
        {
            return counter % 2 == 0;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var map = (IDictionary)Activator.CreateInstance(underlying, StringComparer.Ordinal)!;
            foreach (var key in new[] { "AB", "A_B", "a" }) // ordinal order: the writers must agree without reordering
            {
                map[key] = $"{name} {key} {counter}";
            }

            return map;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(underlying)!;
            for (var i = 0; i < 2; i++)
            {
                list.Add(Value(underlying.GetGenericArguments()[0], name + i, ref counter, depth + 1));
            }

            return list;
        }

        if (underlying.IsClass && depth < 6)
        {
            var instance = Activator.CreateInstance(underlying)!;
            Fill(instance, ref counter, depth + 1);
            return instance;
        }

        throw new InvalidOperationException($"The filler does not know {type} ({name}): teach it, so the test covers the field.");
    }
}
