using System;
using System.IO;
using System.Text;
using Repro.Build.IO;

namespace Repro.Build.Core.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void Writes_new_files_and_creates_the_folder()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Combine("out", "m.json");

        Assert.True(AtomicFile.WriteIfChanged(path, Encoding.UTF8.GetBytes("a")));
        Assert.Equal("a", File.ReadAllText(path));
    }

    [Fact]
    public void Leaves_identical_content_and_its_timestamp_alone()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("m.json", "same");
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, old);

        Assert.False(AtomicFile.WriteIfChanged(path, Encoding.UTF8.GetBytes("same")));
        Assert.Equal(old, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void Replaces_changed_content_and_leaves_no_temporary_file()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("m.json", "old");

        Assert.True(AtomicFile.WriteIfChanged(path, Encoding.UTF8.GetBytes("new")));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }
}
