using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Tool.Input;

/// <summary>A manifest and where it came from: a file, an assembly, or the build a run record links to.</summary>
public sealed class LoadedManifest
{
    public LoadedManifest(ReproManifest manifest, string path, ManifestOrigin origin, LoadedRun? run = null)
    {
        Manifest = manifest;
        Path = path;
        Origin = origin;
        Run = run;
    }

    private Lazy<string?>? _assemblyPath;

    public ReproManifest Manifest { get; }

    /// <summary>The full path of the file read (the manifest, the assembly, or the run's run.json).</summary>
    public string Path { get; }

    public ManifestOrigin Origin { get; }

    /// <summary>The run whose build this is, when the input was a run record or a run id.</summary>
    public LoadedRun? Run { get; }

    /// <summary>True when only the embedded fields are known (an assembly's resource or a run's build link).</summary>
    public bool IsEmbedded => Origin != ManifestOrigin.File;

    /// <summary>The origin as the <c>--json</c> outputs name it: <c>file</c>, <c>assembly</c> or <c>run</c>.</summary>
    public string OriginName => Origin switch
    {
        ManifestOrigin.Assembly => "assembly",
        ManifestOrigin.Run => "run",
        _ => "file",
    };

    /// <summary>
    /// The build's patch file, when it exists: the one a <c>.repro.json</c> names beside itself; for an assembly or a
    /// run, the <c>build.patch</c> in its folder, else (as for an assembly, whose embedded manifest keeps the patch's hash,
    /// not its name) <c>&lt;name&gt;.repro.patch</c> beside the assembly, named after the assembly as the build writes it.
    /// Whoever applies it checks its hash first.
    /// </summary>
    public string? PatchPath
    {
        get
        {
            // A run carries its build's patch in its own folder (build.patch): it travels with the run to another machine.
            var candidate = Origin == ManifestOrigin.Run && Manifest.Git?.PatchSha256 is not null && Run?.Record.Build?.Patch is { Length: > 0 } runPatch
                && System.IO.Path.GetFileName(runPatch) == runPatch && File.Exists(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Run.Path)!, runPatch))
                ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Run.Path)!, runPatch)
                : Origin == ManifestOrigin.File
                ? (Manifest.Git?.Patch is { Length: > 0 } name
                    ? BuildOutputFiles.PatchPath(System.IO.Path.GetDirectoryName(Path)!, BuildOutputFiles.TargetNameOfManifest(Path)
                        ?? Manifest.Project.Name ?? "", name)
                    : null)
                : (Manifest.Git?.PatchSha256 is not null && AssemblyPath is { } assembly
                    ? BuildOutputFiles.PatchPath(System.IO.Path.GetDirectoryName(assembly)!, BuildOutputFiles.TargetNameOf(assembly), recordedPatchName: null)
                    : null);
            // A regular file only: it is hashed and applied, and a FIFO would block the reader.
            return candidate is not null && FileProbe.Inspect(candidate) == FileKind.Regular ? candidate : null;
        }
    }

    /// <summary>The project folder a run recorded, when the input was a run and that folder still exists.</summary>
    public string? RunProjectDirectory =>
        Run?.Record.Process.ProjectDirectory is { Length: > 0 } directory && Directory.Exists(directory) ? directory : null;

    /// <summary>
    /// The assembly this manifest describes, when it is at hand: the assembly read; the one beside a <c>.repro.json</c>;
    /// for a run, the program it ran, when that file still embeds the same build (same fingerprint).
    /// </summary>
    public string? AssemblyPath => (_assemblyPath ??= new Lazy<string?>(() => Origin switch
    {
        ManifestOrigin.Assembly => Path,
        ManifestOrigin.File => BuildOutputFiles.AssemblyIn(System.IO.Path.GetDirectoryName(Path)!, BuildOutputFiles.TargetNameOfManifest(Path)
            ?? Manifest.Project.Name),
        _ => Run is null ? null : RunProgram(Run, Manifest.Fingerprint),
    })).Value;

    private static string? RunProgram(LoadedRun run, string? fingerprint)
    {
        // Environment.GetCommandLineArgs()[0] of a .NET program is its assembly; a wrapped command's is not ours.
        var record = run.Record;
        if (record.Build is not { Assembly.Length: > 0 } build || record.Process.CommandLine.Count == 0)
        {
            return null;
        }

        string candidate;
        try
        {
            candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(record.Process.WorkingDirectory, record.Process.CommandLine[0]));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        if (!string.Equals(System.IO.Path.GetFileNameWithoutExtension(candidate), build.Assembly, StringComparison.Ordinal)
            || !(candidate.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || candidate.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        try
        {
            // The loader's own reading of an assembly: a regular file, bounded, its embedded manifest parsed.
            var embedded = ManifestLoader.Load(candidate);
            return embedded.Origin == ManifestOrigin.Assembly && string.Equals(embedded.Manifest.Fingerprint, fingerprint, StringComparison.Ordinal)
                ? candidate
                : null; // gone, or rebuilt since the run
        }
        catch (ToolInputException)
        {
            return null;
        }
    }
}
