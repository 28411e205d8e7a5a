using System.Collections.Generic;
using System.Text.Json;
using Repro.Build.Manifest;
using Repro.Runs.Records;

namespace Repro.Tool.Tests;

/// <summary>A small, complete manifest to change one thing at a time.</summary>
internal static class Manifests
{
    public static ReproManifest Sample()
    {
        var manifest = new ReproManifest
        {
            Fingerprint = "sha256:" + new string('a', 64),
            Project = new ProjectSection { Name = "Trainer", TargetFramework = "net10.0", Configuration = "Release" },
            Git = new GitSection { Commit = new string('1', 40), Branch = "main", Dirty = false },
            Seed = "42",
        };
        manifest.Dependencies.Packages.Add(new PackageEntry { Id = "Microsoft.ML", Version = "5.0.1", Sha512 = "H+MSEsYVrNyV/AcA2UtgYkHsuXEKNVOoKUtUCv+nFzD5+1NWeRMRM87A1wL6jm1CCMTLlPQDR4tkurpEtO+dQg==", Direct = true });
        manifest.Dependencies.Packages.Add(new PackageEntry { Id = "System.CodeDom", Version = "9.0.4", Sha512 = "9VGI5kxIvrNG2mqLQZnUR6y/3fcnygD8eNpHR+CqfbnIXvea6nehnYknDKQTxZVPMpzpNca+7DxLBmpdB3q0Bw==" });
        manifest.Toolchain = new ToolchainSection { SdkVersion = "10.0.401", MsbuildVersion = "18.9.11", CompilerVersion = "5.9.0" };
        manifest.Build = new BuildSection { Configuration = "Release", DefineConstants = "TRACE;RELEASE;NET;NET10_0;NETCOREAPP;NET5_0_OR_GREATER;NET6_0_OR_GREATER;NET7_0_OR_GREATER" };
        manifest.Data.Items.Add(new DataEntry
        {
            Name = "data/",
            Sha256 = new string('d', 64),
            FileCount = 2,
            Size = 20,
            Files =
            [
                new() { Path = "data/a.csv", Sha256 = new string('e', 64), Size = 10 },
                new() { Path = "data/b.csv", Sha256 = new string('f', 64), Size = 10 },
            ],
        });
        manifest.Environment.Os.Description = "Debian GNU/Linux 12";
        manifest.Environment.MemoryBytes = 1024;
        return manifest;
    }

    /// <summary>A finished run of <see cref="Sample"/>'s build: its data changed, an extra input, models and a metrics file out.</summary>
    public static RunRecord SampleRun()
    {
        using var embedded = JsonDocument.Parse(EmbeddedManifestWriter.ToUtf8Bytes(Sample()));
        var run = new RunRecord
        {
            RunId = "20261128-071522-123-3f9a1c",
            Name = "baseline",
            Status = RunStatus.Finished,
            StartTime = "2026-11-28T07:15:22.123Z",
            EndTime = "2026-11-28T07:15:31.900Z",
            LastWriteTime = "2026-11-28T07:15:31.900Z",
            Build = new RunBuildSection { Assembly = "Trainer", Fingerprint = Sample().Fingerprint, Manifest = embedded.RootElement.Clone() },
        };
        run.Data.Add(new RunDataEntry { Name = "data/", State = RunDataState.Changed, BuildSha256 = new string('d', 64), Sha256 = new string('9', 64), FileCount = 2, Size = 21 });
        run.Inputs.Add(new RunFileEntry { Path = "extra/labels.csv", Sha256 = new string('c', 64), FileCount = 1, Size = 7 });
        run.Outputs.Add(new RunFileEntry { Path = "bin/model.zip", Sha256 = new string('7', 64), FileCount = 1, Size = 100 });
        run.Outputs.Add(new RunFileEntry { Path = "bin/metrics.csv", Sha256 = new string('6', 64), FileCount = 1, Size = 10 });
        var step = new RunStep { Name = "export", Status = RunStatus.Finished };
        step.Inputs.Add(new RunFileEntry { Path = "bin/model.zip", Sha256 = new string('7', 64), FileCount = 1, Size = 100, ProducedBy = null });
        step.Outputs.Add(new RunFileEntry { Path = "bin/model.onnx", Sha256 = new string('5', 64), FileCount = 1, Size = 90 });
        step.Outputs.Add(new RunFileEntry { Path = "bin/saved_model/", Sha256 = new string('4', 64), FileCount = 3, Size = 300 });
        run.Steps.Add(step);
        return run;
    }

    /// <summary>A copy through the serializer, so that a change to it leaves the original alone.</summary>
    public static ReproManifest Copy(ReproManifest manifest) => ManifestSerializer.FromUtf8Bytes(ManifestSerializer.ToUtf8Bytes(manifest));
}
