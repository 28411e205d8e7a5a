using System.Text.Json;
using Repro.Tool.Input;
using Repro.Tool.Output;

namespace Repro.Tool.Services;

/// <summary>Shows <see cref="PackageCheck"/>s: a table for people, the documented JSON for scripts.</summary>
public static class PackagesPresenter
{
    /// <summary>Unavailable or changed packages fail the check; unlisted, deprecated and vulnerable ones are reported.</summary>
    public static bool AllAvailable(IReadOnlyList<PackageCheck> checks) =>
        checks.All(c => c.Status is PackageStatus.Available or PackageStatus.NotVerified);

    public static Report Build(LoadedManifest manifest, IReadOnlyList<PackageCheck> checks, bool offline)
    {
        var report = new Report();
        var failed = checks.Count(c => c.Status is PackageStatus.Missing or PackageStatus.HashMismatch);
        var unverified = checks.Count(c => c.Status == PackageStatus.NotVerified);
        report.Line($"{manifest.Path}: {checks.Count} package(s), " + (failed == 0 ? "all available with the recorded content hash"
            : $"{failed} unavailable or changed")
            + (unverified > 0 ? $", {unverified} not verified" : "") + (offline ? " (offline: global packages folder only)" : ""),
            failed == 0 ? Tone.Good : Tone.Bad);
        var table = report.Section("Packages", "", "package", "version", "source", "notes");
        foreach (var check in checks)
        {
            var notes = new List<string>();
            if (check.Listed == false)
            {
                notes.Add("unlisted");
            }

            if (check.Deprecation is not null)
            {
                notes.Add("deprecated (" + check.Deprecation + ")");
            }

            notes.AddRange(check.Vulnerabilities.Select(v => "vulnerable: " + v));
            if (check.Note is not null && check.Status != PackageStatus.Available)
            {
                notes.Add(check.Note);
            }

            var tone = check.Status switch
            {
                PackageStatus.Available => notes.Count > 0 ? Tone.Bad : Tone.Good,
                PackageStatus.NotVerified => Tone.Dim,
                _ => Tone.Bad,
            };
            table.Row(tone, Status(check.Status), check.Id, check.Version, check.Source ?? "", string.Join("; ", notes));
        }

        return report;
    }

    public static void WriteJson(Utf8JsonWriter json, LoadedManifest manifest, IReadOnlyList<PackageCheck> checks, bool offline)
    {
        json.WriteStartObject();
        json.WriteString("source", manifest.Path);
        json.WriteString("origin", manifest.OriginName);
        json.WriteBoolean("offline", offline);
        json.WriteBoolean("ok", AllAvailable(checks));
        json.WriteStartArray("packages");
        foreach (var check in checks)
        {
            json.WriteStartObject();
            json.WriteString("id", check.Id);
            json.WriteString("version", check.Version);
            json.WriteString("status", Status(check.Status));
            json.WriteString("source", check.Source);
            json.WriteString("recordedSha512", check.RecordedSha512);
            json.WriteString("foundSha512", check.FoundSha512);
            JsonFields.Boolean(json, "listed", check.Listed);

            json.WriteString("deprecation", check.Deprecation);
            JsonFields.Strings(json, "vulnerabilities", check.Vulnerabilities);
            json.WriteString("note", check.Note);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Status(PackageStatus status) => status switch
    {
        PackageStatus.Available => "available",
        PackageStatus.HashMismatch => "hash-mismatch",
        PackageStatus.Missing => "missing",
        _ => "not-verified",
    };
}
