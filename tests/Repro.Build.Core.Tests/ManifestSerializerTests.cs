using System.Linq;
using System.Text;
using Repro.Build.Manifest;

namespace Repro.Build.Core.Tests;

public sealed class ManifestSerializerTests
{
    private static ReproManifest Sample() => new()
    {
        Project = new ProjectSection { Name = "Trainer", TargetFramework = "net8.0", Configuration = "Release" },
        Git = new GitSection { Commit = new string('a', 40), Branch = null },
        Dependencies = new DependenciesSection { Packages = { new PackageEntry { Id = "Microsoft.ML", Version = "5.0.1" } } },
        Toolchain = new ToolchainSection { SdkVersion = "10.0.100", MsbuildVersion = "18.0.0" },
        Environment = new EnvironmentSection { Os = new OsInfo { Description = "Linux" } },
    };

    [Fact]
    public void Writes_camel_case_keys_in_a_stable_order_with_lf_line_ends()
    {
        var text = Encoding.UTF8.GetString(ManifestSerializer.ToUtf8Bytes(Sample()));

        var expected = """
            {
              "schemaVersion": 2,
              "fingerprint": null,
              "project": {
                "name": "Trainer",
                "targetFramework": "net8.0",
                "configuration": "Release"
              },
              "git": {
                "commit": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "branch": null,
                "commitTime": null,
                "tags": [],
                "dirty": null,
                "changes": null,
                "patch": null,
                "patchSha256": null,
                "patchTruncated": false,
                "patchOmitted": [],
                "untracked": [],
                "remote": null,
                "shallow": false,
                "worktree": false,
                "objectFormat": "sha1",
                "submodules": [],
                "ci": null
              },
              "dependencies": {
                "packages": [
                  {
                    "id": "Microsoft.ML",
                    "version": "5.0.1",
                    "sha512": null,
                    "direct": false,
                    "source": null
                  }
                ],
                "lockFile": null,
                "frameworkReferences": []
              },
              "toolchain": {
                "sdkVersion": "10.0.100",
                "msbuildVersion": "18.0.0",
                "compilerVersion": null,
                "runtimeVersion": null,
                "globalJson": null
              },
              "build": {
                "configuration": null,
                "platform": null,
                "optimize": null,
                "deterministic": null,
                "defineConstants": null,
                "runtimeIdentifier": null,
                "langVersion": null,
                "nullable": null,
                "checkForOverflowUnderflow": null,
                "properties": {}
              },
              "seed": null,
              "sources": {
                "count": 0,
                "sha256": null,
                "files": []
              },
              "data": {
                "items": []
              },
              "config": [],
              "assumptions": [],
              "environment": {
                "os": {
                  "description": "Linux",
                  "platform": null,
                  "kernelVersion": null,
                  "architecture": null
                },
                "cpu": {
                  "model": null,
                  "logicalCores": 0
                },
                "memoryBytes": null,
                "locale": null,
                "timeZone": null,
                "dotnetRuntimes": [],
                "container": null,
                "ci": null,
                "gpus": [],
                "cudaDriverVersion": null,
                "cudaToolkitVersion": null,
                "cudnnVersion": null,
                "variables": {},
                "host": null,
                "user": null
              }
            }

            """.Replace("\r\n", "\n");
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Has_no_byte_order_mark()
    {
        var bytes = ManifestSerializer.ToUtf8Bytes(Sample());

        Assert.Equal((byte)'{', bytes[0]);
    }

    [Fact]
    public void Writes_null_git_explicitly()
    {
        var manifest = Sample();
        manifest.Git = null;

        var text = Encoding.UTF8.GetString(ManifestSerializer.ToUtf8Bytes(manifest));

        Assert.Contains("\"git\": null,", text);
    }

    [Fact]
    public void Round_trips()
    {
        var bytes = ManifestSerializer.ToUtf8Bytes(Sample());

        var back = ManifestSerializer.FromUtf8Bytes(bytes);

        Assert.Equal(bytes, ManifestSerializer.ToUtf8Bytes(back));
        Assert.Equal("Microsoft.ML", back.Dependencies.Packages.Single().Id);
    }

    [Fact]
    public void Variables_and_properties_are_written_in_ordinal_order_of_their_names_whatever_the_order_they_were_added_in()
    {
        var manifest = Sample();
        foreach (var name in new[] { "OMP_NUM_THREADS", "DOTNET_gcServer", "DOTNET_GCgen0size", "A_B", "AB", "a" })
        {
            manifest.Environment.Variables[name] = name.ToLowerInvariant();
        }

        manifest.Build.Properties["Zeta"] = "1";
        manifest.Build.Properties["Alpha"] = "2";

        var bytes = ManifestSerializer.ToUtf8Bytes(manifest);
        var back = ManifestSerializer.FromUtf8Bytes(bytes);

        // Ordinal, not culture order (which would put "AB" before "A_B" and "a" beside "A").
        var names = new[] { "AB", "A_B", "DOTNET_GCgen0size", "DOTNET_gcServer", "OMP_NUM_THREADS", "a" };
        var text = Encoding.UTF8.GetString(bytes);
        var positions = names.Select(n => text.IndexOf("\"" + n + "\":", System.StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.OrderBy(p => p), positions);
        Assert.True(text.IndexOf("\"Alpha\"", System.StringComparison.Ordinal) < text.IndexOf("\"Zeta\"", System.StringComparison.Ordinal));
        Assert.Equal(bytes, ManifestSerializer.ToUtf8Bytes(back)); // read back and written again: the same bytes
        Assert.Equal("a_b", back.Environment.Variables["A_B"]);
        Assert.False(back.Environment.Variables.ContainsKey("ab")); // names compare ordinally
    }

    [Fact]
    public void A_variable_that_is_not_a_string_is_a_malformed_manifest()
    {
        var text = Encoding.UTF8.GetString(ManifestSerializer.ToUtf8Bytes(Sample())).Replace("\"variables\": {}", "\"variables\": {\"OMP_NUM_THREADS\": 4}", System.StringComparison.Ordinal);
        Assert.Contains("OMP_NUM_THREADS", text, System.StringComparison.Ordinal);

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => ManifestSerializer.FromUtf8Bytes(Encoding.UTF8.GetBytes(text)));
    }
}
