using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Repro.Build.Data;
using Repro.Build.Git;
using Repro.Build.IO;

namespace Repro.Build.Core.Tests;

/// <summary>
/// Odd files where data and working trees are read: FIFOs, devices, links out of the repository and back into
/// themselves, names with backslashes, files that change while they are read. None may hang, leak or be recorded wrong.
/// A hang fails the test by its timeout instead of hanging the run.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(60);

    private static T WithinTimeout<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(HangTimeout), "The call did not return: it blocks on a special file.");
        return task.Result;
    }

    private static void MakeFifo(string path) => Assert.Equal(0, Process.Start("mkfifo", new[] { path })!.WaitForExitAndCode());

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    [Fact]
    public void A_fifo_named_like_a_build_s_assembly_or_patch_is_neither_taken_nor_read()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TemporaryDirectory();
        MakeFifo(temp.Combine("Model.dll"));
        MakeFifo(temp.Combine("Model.repro.patch"));

        Assert.Null(WithinTimeout(() => Repro.Build.Manifest.BuildOutputFiles.AssemblyIn(temp.Path, "Model")));
        Assert.Null(WithinTimeout(() => Repro.Build.Manifest.BuildOutputFiles.ReadPatch(temp.Combine("Model.repro.patch"), new string('0', 64))));
    }

    [Fact]
    public void The_probe_tells_regular_files_from_fifos_devices_links_and_folders()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TemporaryDirectory();
        var file = temp.WriteFile("file.txt", "x");
        MakeFifo(temp.Combine("fifo"));
        File.CreateSymbolicLink(temp.Combine("zero"), "/dev/zero");
        File.CreateSymbolicLink(temp.Combine("dangling"), temp.Combine("nothing"));

        Assert.Equal(FileKind.Regular, FileProbe.Inspect(file));
        Assert.Equal(FileKind.Special, FileProbe.Inspect(temp.Combine("fifo")));
        Assert.Equal(FileKind.Special, FileProbe.Inspect(temp.Combine("zero")));
        Assert.Equal(FileKind.SymbolicLink, FileProbe.Inspect(temp.Combine("zero"), followLinks: false));
        Assert.Equal(FileKind.Missing, FileProbe.Inspect(temp.Combine("dangling")));
        Assert.Equal(FileKind.Directory, FileProbe.Inspect(temp.Path));
        Assert.Throws<SpecialFileException>(() => FileProbe.OpenRegular(temp.Combine("fifo")).Dispose());
        Assert.Throws<FileTooLargeException>(() => FileProbe.ReadAllBytes(file, 0));

        // One lstat for a walk of many files: regular files only, with the same size and time FileInfo gives.
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 12, 7, 10, 11, 12, 345, DateTimeKind.Utc).AddTicks(6789));
        Assert.True(FileProbe.TryStatRegular(file, out var size, out var ticks));
        Assert.Equal(FileProbe.StatNotLink(file), (size, ticks));
        Assert.Equal(1, size);
        File.CreateSymbolicLink(temp.Combine("link"), file);
        foreach (var other in new[] { "fifo", "zero", "dangling", "nothing", "link" })
        {
            Assert.False(FileProbe.TryStatRegular(temp.Combine(other), out _, out _), other);
        }

        Assert.False(FileProbe.TryStatRegular(temp.Path, out _, out _));
    }

    [Fact]
    public void Data_folders_skip_fifos_devices_and_link_loops_with_a_warning_that_names_them()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TemporaryDirectory();
        var data = Directory.CreateDirectory(temp.Combine("data")).FullName;
        temp.WriteFile("data/train.csv", "a,b\n1,2\n");
        MakeFifo(temp.Combine("data", "pipe"));
        File.CreateSymbolicLink(temp.Combine("data", "zero"), "/dev/zero");
        File.CreateSymbolicLink(temp.Combine("data", "to-pipe"), temp.Combine("data", "pipe"));
        Directory.CreateSymbolicLink(temp.Combine("data", "loop"), data);
        var diagnostics = new List<ReproDiagnostic>();

        var section = WithinTimeout(() => DataHasher.Hash(temp.Path, new[] { new DataDeclaration("data/", data + "/", null) },
            new FileHashCache(), new HashProgress(), diagnostics, strict: false));

        var item = Assert.Single(section.Items);
        Assert.Equal(new[] { "data/train.csv" }, item.Files.Select(f => f.Path));
        Assert.Equal(1, item.FileCount);
        var warnings = string.Join("\n", diagnostics.Where(d => d.Code == DiagnosticIds.DataSkipped).Select(d => d.Message));
        Assert.Contains("data/pipe", warnings);
        Assert.Contains("data/zero", warnings);
        Assert.Contains("data/to-pipe", warnings);
        Assert.Contains("data/loop", warnings);
    }

    [Fact]
    public void A_declared_device_is_skipped_not_read()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TemporaryDirectory();
        File.CreateSymbolicLink(temp.Combine("zero.bin"), "/dev/zero");
        var diagnostics = new List<ReproDiagnostic>();

        var section = WithinTimeout(() => DataHasher.Hash(temp.Path, new[] { new DataDeclaration("zero.bin", temp.Combine("zero.bin"), null) },
            new FileHashCache(), new HashProgress(), diagnostics, strict: false));

        Assert.Null(section.Items.Single().Sha256);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticIds.DataSkipped && d.Message.Contains("zero.bin", StringComparison.Ordinal));
    }

    [Fact]
    public void Backslashes_in_file_names_on_unix_stay_part_of_the_name()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TemporaryDirectory();
        temp.WriteFile("data/back\\slash.csv", "one");
        temp.WriteFile("data/back/slash.csv", "two");
        var diagnostics = new List<ReproDiagnostic>();

        var item = DataHasher.Hash(temp.Path, new[] { new DataDeclaration("data/", temp.Combine("data") + "/", null) },
            new FileHashCache(), new HashProgress(), diagnostics, strict: false).Items.Single();

        Assert.Equal(new[] { "data/back/slash.csv", "data/back\\slash.csv" }, item.Files.Select(f => f.Path));
        Assert.Equal(2, item.FileCount);
        Assert.NotEqual(item.Files[0].Sha256, item.Files[1].Sha256);
    }

    [Fact]
    public void A_file_that_moves_while_it_is_hashed_is_read_again_and_reported_when_it_keeps_moving()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("growing.csv", "1,2\n");
        var calls = 0;

        // Moves once: the second read is the one recorded.
        long size = 4, ticks = 100;
        Assert.True(DataHasher.HashUntilStable(path, ref size, ref ticks, out var sha, _ => ++calls == 1 ? (5, 200) : (5, 200), null, CancellationToken.None));
        Assert.Equal((5L, 200L), (size, ticks));
        Assert.Equal(Sha256(File.ReadAllBytes(path)), sha);

        // Keeps moving: reported as unstable after two reads.
        size = 4;
        ticks = 100;
        var tick = 100L;
        Assert.False(DataHasher.HashUntilStable(path, ref size, ref ticks, out _, _ => (4, ++tick), null, CancellationToken.None));
    }

    [Fact]
    public void Absolute_declarations_inside_the_repository_are_recorded_relative_and_hash_the_same_in_every_clone()
    {
        using var temp = new TemporaryDirectory();
        DataItem Hash(string clone)
        {
            var project = Path.Combine(clone, "src", "Trainer");
            Directory.CreateDirectory(Path.Combine(project, "data"));
            File.WriteAllText(Path.Combine(project, "data", "a.csv"), "1,2\n");
            Directory.CreateDirectory(Path.Combine(clone, "shared"));
            File.WriteAllText(Path.Combine(clone, "shared", "labels.txt"), "x\n");
            var declarations = new[]
            {
                new DataDeclaration(Path.Combine(project, "data") + "/", Path.Combine(project, "data") + "/", null),
                new DataDeclaration(Path.Combine(clone, "shared", "labels.txt"), Path.Combine(clone, "shared", "labels.txt"), null),
            };
            var section = DataHasher.Hash(project, declarations, new FileHashCache(), new HashProgress(), [], false, repositoryRoot: clone);
            return new DataItem(section.Items.Select(i => i.Name + "=" + i.Sha256).ToArray(), section.Items.SelectMany(i => i.Files).Select(f => f.Path).ToArray());
        }

        var first = Hash(temp.Combine("clone-one"));
        var second = Hash(temp.Combine("somewhere", "else", "clone-two"));

        Assert.Equal(first.Names, second.Names);
        Assert.Equal(new[] { "../../shared/labels.txt", "data/a.csv" }, first.Files.OrderBy(f => f, StringComparer.Ordinal));
        Assert.DoesNotContain(first.Names, n => n.Contains(temp.Path, StringComparison.Ordinal));
    }

    private sealed record DataItem(string[] Names, string[] Files);

    [Fact]
    public void Untracked_fifos_devices_and_links_in_the_working_tree_are_never_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        MakeFifo(temp.Combine("pipe"));
        File.CreateSymbolicLink(temp.Combine("to-pipe"), "pipe");
        File.CreateSymbolicLink(temp.Combine("zero"), "/dev/zero");
        temp.WriteFile("note.txt", "kept\n");

        var snapshot = WithinTimeout(() => GitCapture.Capture(temp.Path, new GitCaptureOptions()));

        var patch = Encoding.UTF8.GetString(snapshot.Patch!);
        Assert.Contains("+kept", patch);
        Assert.Contains("new file mode 120000", patch);
        Assert.Contains("+/dev/zero", patch);
        Assert.Contains("+pipe", patch);
        if (snapshot.Section!.PatchOmitted.Any(o => o.Path == "pipe"))
        {
            Assert.Contains(snapshot.Diagnostics, d => d.Code == DiagnosticIds.WorkingTreeSpecialFile && d.Message.Contains("pipe", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Fifos_where_git_and_nuget_files_belong_are_read_errors_not_hangs()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        MakeFifo(temp.Combine(".gitmodules"));
        MakeFifo(temp.Combine("global.json"));

        var snapshot = WithinTimeout(() => GitCapture.Capture(temp.Path, new GitCaptureOptions()));
        Assert.Contains(snapshot.Diagnostics, d => d.Code == DiagnosticIds.GitRepositoryUnreadable);

        var globalJson = WithinTimeout(() => Record.Exception(() => Repro.Build.Toolchain.ToolchainReader.ReadGlobalJson(temp.Path)));
        Assert.True(globalJson is null or IOException or InvalidDataException, globalJson?.ToString());
    }

    [Fact]
    public void A_link_to_a_file_outside_the_repository_is_carried_as_a_link_and_applies_as_one()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TemporaryDirectory();
        var repository = Directory.CreateDirectory(temp.Combine("repo")).FullName;
        GitCli.InitWithCommit(repository);
        temp.WriteFile("outside/vault.txt", "the secret of the vault\n");
        File.CreateSymbolicLink(Path.Combine(repository, "notes.txt"), "../outside/vault.txt");

        var snapshot = GitCapture.Capture(repository, new GitCaptureOptions());

        var patch = Encoding.UTF8.GetString(snapshot.Patch!);
        Assert.DoesNotContain("secret of the vault", patch);
        Assert.Contains("+../outside/vault.txt", patch);

        var clone = temp.Combine("clone");
        GitCli.Run(temp.Path, "clone", "-q", repository, clone);
        File.WriteAllBytes(temp.Combine("p.patch"), snapshot.Patch!);
        GitCli.Run(clone, "apply", "--binary", temp.Combine("p.patch"));
        Assert.Equal("../outside/vault.txt", new FileInfo(Path.Combine(clone, "notes.txt")).LinkTarget);
    }

    [Theory]
    [InlineData("appsettings.Local.json", "{ \"Logging\": {}, \"Password\": \"hunter2\" }\n")]
    [InlineData("settings.jsonbak", "{\"Db\":{\"Pwd\":\"hunter2\"}}\n")]
    [InlineData("app.config.txt", "Server=db;Database=ml;User Id=sa;Password=hunter2;\n")]
    [InlineData("train.yaml", "lr: 0.1\ndb_password: hunter2\n")]
    [InlineData("Secrets.cs", "class S { const string Password = \"hunter2\"; }\n")]
    [InlineData("remote.txt", "https://user:hunter2@example.com/repo.git\n")]
    public void Untracked_files_with_secrets_stay_out_of_the_patch(string name, string content)
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        temp.WriteFile(name, content);
        temp.WriteFile("Program2.cs", "class P { }\n");

        var snapshot = GitCapture.Capture(temp.Path, new GitCaptureOptions());

        var patch = Encoding.UTF8.GetString(snapshot.Patch!);
        Assert.DoesNotContain("hunter2", patch);
        Assert.Contains("+class P { }", patch);
        Assert.Contains(snapshot.Section!.PatchOmitted, o => o.Path == name && o.Reason == "secret-content");
    }

    [Fact]
    public void A_large_untracked_data_set_is_listed_by_folder_and_build_inputs_are_carried()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        for (var i = 0; i < 300; i++)
        {
            temp.WriteFile($"data/raw/part-{i:000}.csv", $"{i},{i * 2}\n");
        }

        for (var i = 0; i < 30; i++)
        {
            temp.WriteFile($"notes/n{i}.md", new string('n', 4000));
        }

        temp.WriteFile("src/Extra.cs", "class Extra { }\n");
        temp.WriteFile("Directory.Build.props", "<Project />\n");

        var snapshot = GitCapture.Capture(temp.Path, new GitCaptureOptions());

        var patch = Encoding.UTF8.GetString(snapshot.Patch!);
        Assert.Contains("+class Extra { }", patch);
        Assert.Contains("+<Project />", patch);
        Assert.DoesNotContain("part-001.csv", patch);
        Assert.DoesNotContain("notes/n1.md", patch); // 30 other files: listed, not carried
        Assert.True(snapshot.Patch!.Length < 4096, $"the patch has {snapshot.Patch.Length} bytes");
        var untracked = snapshot.Section!.Untracked;
        var raw = Assert.Single(untracked, u => u.Path == "data/raw/");
        Assert.Equal(300, raw.FileCount);
        Assert.Equal(64, raw.Sha256!.Length);
        Assert.Contains(untracked, u => u.Path == "notes/" && u.FileCount == 30);
    }

    [Fact]
    public void A_few_small_untracked_notes_travel_with_the_code()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        temp.WriteFile("TODO.md", "try a smaller learning rate\n");

        var snapshot = GitCapture.Capture(temp.Path, new GitCaptureOptions());

        Assert.Contains("+try a smaller learning rate", Encoding.UTF8.GetString(snapshot.Patch!));
        Assert.Empty(snapshot.Section!.Untracked);
    }

    [Fact]
    public void An_unchanged_dirty_tree_reuses_its_patch_without_running_git_diff_or_reading_files()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TemporaryDirectory();
        var repository = Directory.CreateDirectory(temp.Combine("repo")).FullName;
        GitCli.InitWithCommit(repository);
        var tracked = temp.WriteFile("repo/file.txt", "changed\n"); // tracked: a rebuild of the patch would run git diff
        var untracked = temp.WriteFile("repo/Extra.cs", "class A { }\n");
        var log = temp.Combine("git-calls.log");
        var wrapper = temp.WriteFile("git-wrapper.sh", $"#!/bin/sh\necho \"$*\" >> '{log}'\nexec git \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new GitCaptureOptions { GitExecutable = wrapper };

        var first = GitCapture.Capture(repository, options);
        Assert.Contains(" diff ", File.ReadAllText(log), StringComparison.Ordinal); // the first capture builds the patch
        var time = File.GetLastWriteTimeUtc(untracked);
        File.WriteAllText(untracked, "class B { }\n"); // same size, same time: the stat signature cannot tell
        File.SetLastWriteTimeUtc(untracked, time);
        File.WriteAllText(log, "");
        var second = GitCapture.Capture(repository, options);

        Assert.Equal(first.Patch, second.Patch);
        Assert.Contains("+class A { }", Encoding.UTF8.GetString(second.Patch!));
        Assert.DoesNotContain(" diff ", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.Contains(" status ", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.True(File.Exists(tracked));

        File.WriteAllText(untracked, "class C { } // longer\n");
        var third = GitCapture.Capture(repository, options);
        Assert.Contains("+class C { } // longer", Encoding.UTF8.GetString(third.Patch!));
    }

    [Fact]
    public void No_patch_content_is_asked_for_with_a_cap_of_zero_and_nothing_is_said_about_it()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        temp.WriteFile("README.md", "changed\n");

        var snapshot = GitCapture.Capture(temp.Path, new GitCaptureOptions { MaxPatchBytes = 0 });

        Assert.True(snapshot.Section!.Dirty);
        Assert.Null(snapshot.Patch);
        Assert.DoesNotContain(snapshot.Diagnostics, d => d.Code == DiagnosticIds.PatchTruncated);
    }

    [Fact]
    public void A_cancelled_capture_stops_git()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TemporaryDirectory();
        var sleeper = temp.WriteFile("slow-git.sh", "#!/bin/sh\nsleep 120\n");
        File.SetUnixFileMode(sleeper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var runner = new GitCommandRunner(sleeper, cancellation: cancel.Token);
        var watch = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => runner.Run(temp.Path, new[] { "status" }, 1024, out _));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
    }
}

internal static class ProcessExtensions
{
    public static int WaitForExitAndCode(this Process process)
    {
        using (process)
        {
            process.WaitForExit();
            return process.ExitCode;
        }
    }
}

public sealed class LargeConfigTests
{
    [Fact]
    public void A_large_config_file_is_hashed_once_and_then_known_by_its_size_and_time()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("hparams.json", "{ \"lr\": 0.1, \"pad\": \"" + new string('x', 200_000) + "\" }");
        var cache = new FileHashCache();

        var first = Repro.Build.Settings.TextFileReader.Read(temp.Path, "hparams.json", path, cache);
        Assert.Null(first.Content); // too large to inline
        var (size, ticks) = FileProbe.Stat(path);
        Assert.True(cache.TryGet(System.IO.Path.GetFullPath(path), size, ticks, out var cached));
        Assert.Equal(first.Sha256, cached);

        // The cache answers for an unchanged file: a planted hash proves the file was not read again.
        cache.Set(System.IO.Path.GetFullPath(path), size, ticks, new string('a', 64));
        Assert.Equal(new string('a', 64), Repro.Build.Settings.TextFileReader.Read(temp.Path, "hparams.json", path, cache).Sha256);
    }
}

public sealed class WorkingTreeKeyTests
{
    private static string Key(string repository)
    {
        var location = GitRepositoryLocator.Locate(repository)!;
        var output = GitCli.RunBytes(repository, "--no-optional-locks", "status", "--porcelain=v2", "-z", "--untracked-files=normal");
        return WorkingTreeCache.ComputeKey(location, "c", "sha1", output, GitStatus.Parse(output), 1000);
    }

    [Fact]
    public void A_large_untracked_folder_keys_by_names_and_folder_times_and_still_sees_edits_to_code()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        for (var i = 0; i <= WorkingTreeCache.StatEveryFileUpTo; i++)
        {
            temp.WriteFile($"raw/part-{i:0000}.csv", "1\n");
        }

        var code = temp.WriteFile("raw/tools/Convert.cs", "class C { }\n");
        var first = Key(temp.Path);
        Assert.Equal(first, Key(temp.Path));

        temp.WriteFile("raw/part-new.csv", "2\n");
        var added = Key(temp.Path);
        Assert.NotEqual(first, added);

        File.WriteAllText(code, "class C { int x; }\n");
        Assert.NotEqual(added, Key(temp.Path));
    }
}

public sealed class BuildInputNameTests
{
    [Theory]
    [InlineData("Program.cs")]
    [InlineData("App.CSPROJ")]
    [InlineData(".editorconfig")]
    [InlineData("Directory.Build.props")]
    [InlineData("directory.packages.props")]
    [InlineData("global.json")]
    [InlineData("NuGet.Config")]
    [InlineData("sample-00001.csv")]
    [InlineData("model.onnx")]
    [InlineData("README")]
    [InlineData("trailing.")]
    [InlineData("archive.tar.gz")]
    public void The_allocation_free_check_agrees_with_the_path_check(string name) =>
        Assert.Equal(GitPatchBuilder.IsBuildInput(name), GitPatchBuilder.IsBuildInputName(name.AsSpan()));
}

public sealed class SharedCaptureTests
{
    [Fact]
    public async Task Concurrent_captures_of_one_dirty_tree_build_the_patch_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TemporaryDirectory();
        var repository = Directory.CreateDirectory(temp.Combine("repo")).FullName;
        GitCli.InitWithCommit(repository);
        temp.WriteFile("repo/file.txt", "changed\n"); // tracked: its change needs git diff
        temp.WriteFile("repo/Extra.cs", "class A { }\n");
        var log = temp.Combine("git-calls.log");
        var wrapper = temp.WriteFile("git-wrapper.sh", $"#!/bin/sh\necho \"$*\" >> '{log}'\nexec git \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // As the nodes of a -m build: several captures of one tree at once.
        var captures = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => GitCapture.Capture(repository, new GitCaptureOptions { GitExecutable = wrapper })))
            .ToArray();
        var snapshots = await Task.WhenAll(captures);

        Assert.All(snapshots, s => Assert.Equal(snapshots[0].Patch, s.Patch));
        Assert.Contains("+class A { }", Encoding.UTF8.GetString(snapshots[0].Patch!));
        var calls = File.ReadAllLines(log);
        Assert.True(calls.Length > 0, "no git call was logged");
        Assert.Equal(1, calls.Count(c => c.Contains(" diff ", StringComparison.Ordinal)));
        Assert.Contains("+changed", Encoding.UTF8.GetString(snapshots[0].Patch!));
    }
}
