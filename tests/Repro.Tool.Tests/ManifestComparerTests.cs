using System.Linq;
using Repro.Build.Manifest;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

public sealed class ManifestComparerTests
{
    [Fact]
    public void Equal_manifests_have_no_changes()
    {
        var difference = ManifestComparer.Compare(Manifests.Sample(), Manifests.Sample());

        Assert.True(difference.AreSame);
        Assert.Empty(difference.FingerprintInputsChanged);
        Assert.Empty(difference.Packages);
    }

    [Fact]
    public void A_changed_package_version_is_a_fingerprint_input_and_a_package_change()
    {
        var after = Manifests.Sample();
        after.Dependencies.Packages[1].Version = "9.0.5";

        var difference = ManifestComparer.Compare(Manifests.Sample(), after);

        var key = Assert.Single(difference.Changed);
        Assert.Equal("dependencies.packages[System.CodeDom].version", key.Path);
        Assert.Equal(("9.0.4", "9.0.5"), (key.Before, key.After));
        Assert.True(key.InFingerprint);
        Assert.Equal(new[] { "dependencies" }, difference.FingerprintInputsChanged);
        var package = Assert.Single(difference.Packages);
        Assert.Equal((KeyChangeKind.Changed, "9.0.4", "9.0.5"), (package.Kind, package.Before, package.After));
    }

    [Fact]
    public void An_added_package_is_one_change_not_one_per_field()
    {
        var after = Manifests.Sample();
        after.Dependencies.Packages.Insert(0, new PackageEntry { Id = "Newtonsoft.Json", Version = "13.0.3", Sha512 = "x" });

        var difference = ManifestComparer.Compare(Manifests.Sample(), after);

        var key = Assert.Single(difference.Changed);
        Assert.Equal("dependencies.packages[Newtonsoft.Json]", key.Path);
        Assert.Equal(KeyChangeKind.Added, key.Kind);
        Assert.Equal("13.0.3", key.After);
        Assert.Equal(KeyChangeKind.Added, Assert.Single(difference.Packages).Kind);
    }

    [Fact]
    public void A_changed_file_in_a_data_folder_is_named()
    {
        var after = Manifests.Sample();
        after.Data.Items[0].Sha256 = new string('0', 64);
        after.Data.Items[0].Files[1].Sha256 = new string('1', 64);

        var difference = ManifestComparer.Compare(Manifests.Sample(), after);

        Assert.Equal(new[] { "data.items[data/].sha256", "data.items[data/].files[data/b.csv].sha256" }, difference.Changed.Select(c => c.Path));
        Assert.True(difference.Changed.First().InFingerprint);
        Assert.False(difference.Changed.Last().InFingerprint); // the file list is not itself an input: the item's hash is
        Assert.Equal(new[] { "data" }, difference.FingerprintInputsChanged);
    }

    [Fact]
    public void Environment_changes_are_not_fingerprint_inputs_and_an_assembly_comparison_ignores_them()
    {
        var after = Manifests.Sample();
        after.Environment.MemoryBytes = 2048;
        after.Git!.Branch = "other";

        var full = ManifestComparer.Compare(Manifests.Sample(), after);
        var embedded = ManifestComparer.Compare(Manifests.Sample(), after, embeddedOnly: true);

        Assert.Equal(new[] { "git.branch", "environment.memoryBytes" }, full.Changed.Select(c => c.Path));
        Assert.Empty(full.FingerprintInputsChanged);
        Assert.True(embedded.AreSame);
    }

    [Fact]
    public void Long_lists_show_only_what_one_side_has()
    {
        var after = Manifests.Sample();
        after.Build.DefineConstants = after.Build.DefineConstants!.Replace("RELEASE", "DEBUG", System.StringComparison.Ordinal);

        var key = Assert.Single(ManifestComparer.Compare(Manifests.Sample(), after).Changed);

        Assert.Equal(("-RELEASE", "+DEBUG"), DiffPresenter.Cells(key));
    }
}
