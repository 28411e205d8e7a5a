using System.IO;
using Repro.Build.Dependencies;
using Repro.Build.Manifest;

namespace Repro.Build.Core.Tests;

public sealed class DependencyDetailsTests
{
    [Fact]
    public void Packages_carry_hash_direct_flag_and_credential_free_source()
    {
        using var temp = new TemporaryDirectory();
        var packages = temp.Combine("packages");
        temp.WriteFile("packages/microsoft.ml/5.0.1/.nupkg.metadata",
            """{ "version": 2, "contentHash": "abc", "source": "https://user:pat@pkgs.example.com/feed/index.json" }""");
        var assets = temp.WriteFile("project.assets.json", $$"""
            {
              "version": 4,
              "targets": { "net8.0": {
                "Microsoft.ML/5.0.1": { "type": "package" },
                "Transitive.Lib/1.2.3": { "type": "package" } } },
              "libraries": {
                "Microsoft.ML/5.0.1": { "sha512": "mlhash==", "type": "package", "path": "microsoft.ml/5.0.1" },
                "Transitive.Lib/1.2.3": { "sha512": "libhash==", "type": "package", "path": "transitive.lib/1.2.3" } },
              "packageFolders": { "{{packages.Replace("\\", "\\\\")}}": {} },
              "project": { "frameworks": { "net8.0": {
                "targetAlias": "net8.0",
                "dependencies": { "Microsoft.ML": { "target": "Package", "version": "[5.0.1, )" } },
                "frameworkReferences": { "Microsoft.NETCore.App": { "privateAssets": "all" } } } } }
            }
            """);

        var graph = ProjectAssetsReader.Read(assets, "net8.0", null, null);

        var ml = graph.Packages[0];
        Assert.Equal(("Microsoft.ML", "mlhash==", true, "https://pkgs.example.com/feed/index.json"), (ml.Id, ml.Sha512, ml.Direct, ml.Source));
        var lib = graph.Packages[1];
        Assert.Equal(("Transitive.Lib", "libhash==", false, (string?)null), (lib.Id, lib.Sha512, lib.Direct, lib.Source));
        Assert.Equal(new[] { "Microsoft.NETCore.App" }, graph.FrameworkReferences);
    }

    [Fact]
    public void Lock_file_comparison_names_every_difference()
    {
        using var temp = new TemporaryDirectory();
        var lockFile = temp.WriteFile("packages.lock.json", """
            {
              "version": 1,
              "dependencies": { "net8.0": {
                "Same": { "type": "Direct", "resolved": "1.0.0", "contentHash": "h1" },
                "Moved": { "type": "Transitive", "resolved": "2.0.0", "contentHash": "h2" },
                "Rehashed": { "type": "Transitive", "resolved": "3.0.0", "contentHash": "old" },
                "Gone": { "type": "Transitive", "resolved": "4.0.0", "contentHash": "h4" },
                "MyProject": { "type": "Project" } } }
            }
            """);
        var restored = new[]
        {
            new PackageEntry { Id = "Same", Version = "1.0.0", Sha512 = "h1" },
            new PackageEntry { Id = "Moved", Version = "2.1.0", Sha512 = "h2" },
            new PackageEntry { Id = "Rehashed", Version = "3.0.0", Sha512 = "new" },
            new PackageEntry { Id = "Extra", Version = "5.0.0", Sha512 = "h5" },
        };

        var differences = LockFileComparer.Compare(lockFile, "net8.0", null, null, restored);

        Assert.Equal(new[]
        {
            "Extra 5.0.0 is restored but not locked",
            "Gone 4.0.0 is locked but not restored",
            "Moved is restored at 2.1.0 but locked at 2.0.0",
            "Rehashed 3.0.0 has a different content hash than the locked one",
        }, differences);

        Assert.Empty(LockFileComparer.Compare(lockFile, "net8.0", null, null, new[]
        {
            new PackageEntry { Id = "Same", Version = "1.0.0", Sha512 = "h1" },
            new PackageEntry { Id = "Moved", Version = "2.0.0", Sha512 = "h2" },
            new PackageEntry { Id = "Rehashed", Version = "3.0.0", Sha512 = "old" },
            new PackageEntry { Id = "Gone", Version = "4.0.0", Sha512 = "h4" },
        }));
    }

    [Fact]
    public void Malformed_lock_files_are_invalid_data()
    {
        using var temp = new TemporaryDirectory();
        var lockFile = temp.WriteFile("packages.lock.json", "{ \"version\": 1 }");

        Assert.Throws<InvalidDataException>(() => LockFileComparer.Compare(lockFile, "net8.0", null, null, new PackageEntry[0]));
    }
}
