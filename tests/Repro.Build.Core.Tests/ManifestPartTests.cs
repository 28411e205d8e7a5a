using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Repro.Build.Manifest;

namespace Repro.Build.Core.Tests;

/// <summary>Every model field is classified, and the fingerprint and the embedded manifest follow from the marks.</summary>
public sealed class ManifestPartTests
{
    private static IEnumerable<Type> ModelTypes()
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(new[] { typeof(ReproManifest) });
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type))
            {
                continue;
            }

            yield return type;
            foreach (var (property, _) in ManifestProjection.Describe(type))
            {
                var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                foreach (var candidate in new[] { propertyType }.Concat(propertyType.IsGenericType ? propertyType.GetGenericArguments() : Type.EmptyTypes))
                {
                    if (candidate.Namespace == typeof(ReproManifest).Namespace && candidate.IsClass)
                    {
                        pending.Push(candidate);
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_field_of_the_model_says_whether_it_is_in_the_fingerprint_and_the_assembly()
    {
        var unmarked = ModelTypes()
            .SelectMany(t => ManifestProjection.Describe(t).Where(d => d.Mark is null).Select(d => $"{t.Name}.{d.Property.Name}"))
            .ToList();

        Assert.True(unmarked.Count == 0, "Classify these fields with [PartOf(...)]: " + string.Join(", ", unmarked));
        Assert.True(ModelTypes().Count() > 20);
    }

    [Fact]
    public void The_compiled_table_of_the_model_is_what_its_marks_say()
    {
        // The projections read ManifestModel (written by Repro.Build.Generators at compile time), not reflection: it
        // must hold every model type, every property in declaration order, with its mark and a getter for it.
        var sample = new GitSection { Commit = "c", Branch = "b", Dirty = true, PatchTruncated = true, Changes = new GitChanges { Staged = 3 } };
        foreach (var type in ModelTypes())
        {
            var compiled = ManifestModel.PropertiesOf(type);
            Assert.True(compiled is not null, $"{type.Name} is not in the compiled table");
            var reflected = ManifestProjection.Describe(type);
            Assert.Equal(reflected.Select(d => (d.Property.Name, d.Mark!.Parts, d.Mark.Portable)), compiled!.Select(p => (p.Name, p.Parts, p.Portable)));
            Assert.All(compiled!, p => Assert.Equal(char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p.JsonName));
        }

        foreach (var property in ManifestModel.PropertiesOf(typeof(GitSection))!)
        {
            Assert.Equal(typeof(GitSection).GetProperty(property.Name)!.GetValue(sample), property.Get(sample));
        }

        Assert.Contains(ManifestModel.PropertiesOf(typeof(DataEntry))!, p => p.Portable);
    }

    [Fact]
    public void The_fingerprint_moves_with_marked_fields_only()
    {
        ReproManifest Sample() => new()
        {
            Project = new ProjectSection { Name = "Trainer", TargetFramework = "net10.0", Configuration = "Release" },
            Git = new GitSection { Commit = "abc", Branch = "main", PatchSha256 = "p", Submodules = { new SubmoduleEntry { Path = "lib", Commit = "s1" } } },
            Seed = "42",
            Data = new DataSection { Items = { new DataEntry { Name = "/mnt/shared/train.csv", Sha256 = "d1", Size = 3 } } },
        };

        var baseline = FingerprintCalculator.Compute(Sample());
        var moved = new List<Action<ReproManifest>>
        {
            m => m.Git!.Commit = "def",
            m => m.Git!.Submodules[0].Commit = "s2",
            m => m.Seed = "43",
            m => m.Data.Items[0].Sha256 = "d2",
            m => m.Build.Properties["LearningRate"] = "0.1",
        };
        var unmoved = new List<Action<ReproManifest>>
        {
            m => m.Git!.Branch = "feature",
            m => m.Project.Name = "Renamed",
            m => m.Environment.Host = "another-machine",
            m => m.Data.Items[0].Name = "/home/someone/clone/train.csv", // the same file name elsewhere on disk
            m => m.Data.Items[0].Size = 4,
        };

        foreach (var change in moved)
        {
            var manifest = Sample();
            change(manifest);
            Assert.NotEqual(baseline, FingerprintCalculator.Compute(manifest));
        }

        foreach (var change in unmoved)
        {
            var manifest = Sample();
            change(manifest);
            Assert.Equal(baseline, FingerprintCalculator.Compute(manifest));
        }
    }

    [Fact]
    public void The_embedded_manifest_holds_the_embedded_fields_and_no_absolute_path()
    {
        var manifest = new ReproManifest
        {
            Fingerprint = "sha256:f",
            Project = new ProjectSection { Name = "Trainer", TargetFramework = "net10.0" },
            Git = new GitSection { Commit = "abc", Branch = "main", Remote = "https://example.com/r.git" },
            Data = new DataSection { Items = { new DataEntry { Name = "/mnt/shared/train.csv", Sha256 = "d1" } } },
            Environment = new EnvironmentSection { Host = "laptop" },
        };

        var json = Encoding.UTF8.GetString(EmbeddedManifestWriter.ToUtf8Bytes(manifest));
        using var document = JsonDocument.Parse(json);

        Assert.Equal("sha256:f", document.RootElement.GetProperty("fingerprint").GetString());
        Assert.Equal("abc", document.RootElement.GetProperty("git").GetProperty("commit").GetString());
        Assert.Equal("<outside>/train.csv", document.RootElement.GetProperty("data").GetProperty("items")[0].GetProperty("name").GetString());
        Assert.DoesNotContain("main", json, StringComparison.Ordinal);
        Assert.DoesNotContain("laptop", json, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", json, StringComparison.Ordinal);
        Assert.False(document.RootElement.TryGetProperty("environment", out _));
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }
}
