using System.IO;
using System.Linq;
using Repro.Build.Dependencies;

namespace Repro.Build.Core.Tests;

public sealed class ProjectAssetsReaderTests
{
    private const string AssetsV4 = """
        {
          "version": 4,
          "targets": {
            "net8.0": {
              "Newtonsoft.Json/13.0.3": { "type": "package" },
              "Microsoft.ML/5.0.1": { "type": "package" },
              "MyLib/1.0.0": { "type": "project" }
            },
            "net8.0/linux-x64": {
              "Newtonsoft.Json/13.0.3": { "type": "package" },
              "runtime.linux-x64.Native/1.0.0": { "type": "package" }
            },
            "net472": {
              "System.Memory/4.5.5": { "type": "package" }
            }
          }
        }
        """;

    [Fact]
    public void Lists_the_packages_of_the_target_framework_sorted_and_without_projects()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("project.assets.json", AssetsV4);

        var packages = ProjectAssetsReader.Read(path, "net8.0", ".NETCoreApp,Version=v8.0", runtimeIdentifier: null).Packages;

        Assert.Equal(new[] { "Microsoft.ML/5.0.1", "Newtonsoft.Json/13.0.3" }, packages.Select(p => p.Id + "/" + p.Version));
    }

    [Fact]
    public void Prefers_the_runtime_specific_target()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("project.assets.json", AssetsV4);

        var packages = ProjectAssetsReader.Read(path, "net8.0", null, "linux-x64").Packages;

        Assert.Contains(packages, p => p.Id == "runtime.linux-x64.Native");
    }

    [Fact]
    public void Falls_back_to_the_moniker_key_of_older_assets_files()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("project.assets.json", """
            { "version": 3, "targets": { ".NETFramework,Version=v4.7.2": { "System.Memory/4.5.5": { "type": "package" } } } }
            """);

        var packages = ProjectAssetsReader.Read(path, "net472", ".NETFramework,Version=v4.7.2", null).Packages;

        Assert.Equal("System.Memory", Assert.Single(packages).Id);
    }

    [Fact]
    public void A_missing_target_is_invalid_data()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("project.assets.json", AssetsV4);

        var ex = Assert.Throws<InvalidDataException>(() => ProjectAssetsReader.Read(path, "net9.0", null, null).Packages);
        Assert.Contains("net9.0", ex.Message);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("""{ "targets": { "net8.0": { "NoSlash": { "type": "package" } } } }""")]
    public void Malformed_files_are_invalid_data(string content)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("project.assets.json", content);

        Assert.Throws<InvalidDataException>(() => ProjectAssetsReader.Read(path, "net8.0", null, null).Packages);
    }
}
