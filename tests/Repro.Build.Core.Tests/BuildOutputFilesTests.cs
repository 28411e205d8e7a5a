using System.IO;
using System.Text;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Core.Tests;

public sealed class BuildOutputFilesTests
{
    [Theory]
    [InlineData("bin/Debug/net10.0/Model.repro.json", "Model")]
    [InlineData("Model.REPRO.JSON", "Model")]
    [InlineData("My.Trainer.repro.json", "My.Trainer")]
    [InlineData(".repro.json", null)]
    [InlineData("Model.json", null)]
    [InlineData("run.json", null)]
    public void A_manifest_file_names_the_assembly_it_was_written_for(string path, string? expected)
    {
        Assert.Equal(expected, BuildOutputFiles.TargetNameOfManifest(path));
    }

    [Fact]
    public void The_patch_is_the_one_the_full_manifest_names_else_the_assembly_s_own()
    {
        Assert.Equal(Path.Combine("out", "Model.repro.patch"), BuildOutputFiles.PatchPath("out", "Model", null));
        Assert.Equal(Path.Combine("out", "custom.patch"), BuildOutputFiles.PatchPath("out", "Model", "custom.patch"));
        // The recorded name is a name, never a path that leaves the folder.
        Assert.Equal(Path.Combine("out", "evil.patch"), BuildOutputFiles.PatchPath("out", "Model", "../../evil.patch"));
    }

    [Fact]
    public void A_patch_is_read_only_when_it_is_the_file_the_build_hashed()
    {
        using var folder = new TemporaryDirectory();
        var content = "diff --git a/Code.cs b/Code.cs\n";
        var path = folder.WriteFile("Model.repro.patch", content);
        var sha256 = Hashing.Sha256Hex(Encoding.UTF8.GetBytes(content));

        Assert.Equal(content, Encoding.UTF8.GetString(BuildOutputFiles.ReadPatch(path, sha256)!));
        Assert.Equal(content, Encoding.UTF8.GetString(BuildOutputFiles.ReadPatch(path, sha256.ToUpperInvariant())!));
        Assert.Null(BuildOutputFiles.ReadPatch(path, new string('0', 64)));
        Assert.Null(BuildOutputFiles.ReadPatch(folder.Combine("missing.repro.patch"), sha256));
        Assert.Null(BuildOutputFiles.ReadPatch(folder.Path, sha256)); // a folder, not a file
    }

    [Fact]
    public void The_assembly_in_a_folder_is_the_dll_else_the_exe()
    {
        using var folder = new TemporaryDirectory();
        Assert.Null(BuildOutputFiles.AssemblyIn(folder.Path, "Model"));
        var exe = folder.WriteFile("Model.exe", "MZ");
        Assert.Equal(exe, BuildOutputFiles.AssemblyIn(folder.Path, "Model"));
        var dll = folder.WriteFile("Model.dll", "MZ");
        Assert.Equal(dll, BuildOutputFiles.AssemblyIn(folder.Path, "Model"));
        Assert.Null(BuildOutputFiles.AssemblyIn(folder.Path, null));
        Assert.Null(BuildOutputFiles.AssemblyIn(folder.Path, ""));
    }
}
