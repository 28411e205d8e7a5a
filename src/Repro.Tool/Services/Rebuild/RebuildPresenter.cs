using System.Text.Json;
using Repro.Tool.Input;
using Repro.Tool.Output;

namespace Repro.Tool.Services;

/// <summary>Shows a <see cref="RebuildResult"/>.</summary>
public static class RebuildPresenter
{
    public static Report Build(LoadedManifest loaded, RebuildResult result)
    {
        var report = new Report();
        report.Line($"sources: {result.OutputDirectory} " +
            $"({Format.Short(loaded.Manifest.Git?.Commit)}{(result.PatchApplied ? " with the recorded patch" : "")})", Tone.Dim);
        if (result.Submodules.Count > 0)
        {
            var submodules = report.Section("Submodules", "path", "commit", "recorded");
            foreach (var submodule in result.Submodules)
            {
                submodules.Row(submodule.Matches ? Tone.Normal : Tone.Bad, submodule.Path, Format.Short(submodule.Commit),
                    submodule.RecordedCommit is null ? "not recorded" : Format.Short(submodule.RecordedCommit));
            }
        }

        if (!result.BuildSucceeded)
        {
            report.Line("The build failed:", Tone.Bad);
            var log = report.Section("Build output (end)");
            foreach (var line in result.BuildLog.Split('\n'))
            {
                log.Line(line.TrimEnd('\r'));
            }

            return report;
        }

        report.Line(result.SameFingerprint
            ? $"Reproduced: the rebuild has the recorded fingerprint {Format.Hash(result.Difference!.FingerprintAfter)}."
            : "Not reproduced: the fingerprint differs because these inputs changed: " + string.Join(", ", result.InputsChanged) + ".",
            result.SameFingerprint ? Tone.Good : Tone.Bad);
        report.Line(result.SameAssembly switch
        {
            true => "The assembly is byte-identical.",
            false => "The assembly differs: " + result.AssemblyNote + ".",
            null => "Assembly not compared: " + result.AssemblyNote + ".",
        }, result.SameAssembly == true ? Tone.Good : Tone.Dim);
        if (!result.SameFingerprint)
        {
            var inputs = report.Section("Inputs that differ", "key", "recorded", "rebuilt");
            foreach (var key in result.Difference!.Changed.Where(k => k.InFingerprint && k.Path != "fingerprint"))
            {
                var (was, now) = DiffPresenter.Cells(key);
                inputs.Row(Tone.Bad, key.Path, was, now);
            }
        }

        return report;
    }

    public static void WriteJson(Utf8JsonWriter json, LoadedManifest loaded, RebuildResult result)
    {
        json.WriteStartObject();
        json.WriteString("source", loaded.Path);
        json.WriteString("origin", loaded.OriginName);
        json.WriteString("outputDirectory", result.OutputDirectory);
        json.WriteString("projectFile", result.ProjectFile);
        json.WriteBoolean("patchApplied", result.PatchApplied);
        json.WriteBoolean("buildSucceeded", result.BuildSucceeded);
        json.WriteString("recordedFingerprint", loaded.Manifest.Fingerprint);
        json.WriteString("rebuiltFingerprint", result.Rebuilt?.Fingerprint);
        json.WriteBoolean("sameFingerprint", result.SameFingerprint);
        JsonFields.Strings(json, "inputsChanged", result.InputsChanged);
        JsonFields.Boolean(json, "sameAssembly", result.SameAssembly);
        json.WriteStartArray("submodules");
        foreach (var submodule in result.Submodules)
        {
            json.WriteStartObject();
            json.WriteString("path", submodule.Path);
            json.WriteString("commit", submodule.Commit);
            json.WriteString("recordedCommit", submodule.RecordedCommit);
            json.WriteBoolean("matches", submodule.Matches);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteString("note", result.BuildSucceeded ? result.AssemblyNote : result.BuildLog);
        json.WriteEndObject();
    }
}
