using System.Text.Json;
using Repro.Tool.Output;

namespace Repro.Tool.Services;

/// <summary>Shows <see cref="VerifyResult"/>s: a table per manifest for people, the documented JSON for scripts.</summary>
public static class VerifyPresenter
{
    public static Report Build(IReadOnlyList<VerifyResult> results)
    {
        var report = new Report();
        foreach (var result in results)
        {
            var failed = result.Checks.Count(c => !c.Ok);
            report.Line($"{result.Manifest.Path}: " + (failed == 0 ? "the checkout reproduces it" : $"{failed} mismatch(es)"), failed == 0 ? Tone.Good
                : Tone.Bad);
        }

        foreach (var result in results)
        {
            var project = result.Manifest.Manifest.Project;
            var configuration = project.Configuration is { Length: > 0 } c ? ", " + c : "";
            var section = report.Section($"{project.Name} ({project.TargetFramework}{configuration}) in {result.ProjectDirectory}", "", "check",
                "recorded", "now");
            foreach (var check in result.Checks)
            {
                section.Row(check.Ok ? Tone.Good : Tone.Bad, check.Ok ? "ok" : "MISMATCH", check.Area + " " + check.Item,
                    Format.Long(Format.Value(check.Recorded)), Format.Long(Format.Value(check.Current)));
                if (check.Note is not null && !check.Ok)
                {
                    section.Row(Tone.Dim, "", "↳ " + check.Note);
                }
            }
        }

        return report;
    }

    public static void WriteJson(Utf8JsonWriter json, IReadOnlyList<VerifyResult> results)
    {
        json.WriteStartObject();
        json.WriteBoolean("ok", results.All(r => r.Ok));
        json.WriteStartArray("manifests");
        foreach (var result in results)
        {
            json.WriteStartObject();
            json.WriteString("source", result.Manifest.Path);
            json.WriteString("origin", result.Manifest.OriginName);
            json.WriteString("projectDirectory", result.ProjectDirectory);
            json.WriteBoolean("ok", result.Ok);
            json.WriteStartArray("checks");
            foreach (var check in result.Checks)
            {
                json.WriteStartObject();
                json.WriteString("area", check.Area);
                json.WriteString("item", check.Item.Trim());
                json.WriteBoolean("ok", check.Ok);
                json.WriteString("recorded", check.Recorded);
                json.WriteString("current", check.Current);
                json.WriteString("note", check.Note);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
