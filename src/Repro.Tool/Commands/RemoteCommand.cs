using System.CommandLine;
using System.Text.Json;
using Repro.Build.Store;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary>
/// <c>dotnet repro remote add|list|modify|remove|default</c>: the store's remotes, as DVC names the commands. They edit
/// the committed <c>.repro/config.json</c> (with <c>--local</c>, this machine's <c>.repro/config.local.json</c>).
/// <c>remote</c> alone lists them.
/// </summary>
internal static class RemoteCommand
{
    public static Command Create(ToolConsole console)
    {
        var json = CommonOptions.Json();
        var command = new Command("remote", "The store's remotes (where data files are kept for the team): add, list, modify, remove, default. "
            + "Alone, lists them. "
            + "They edit .repro/config.json, committed with the project (--local: .repro/config.local.json, this machine only). Credentials never go there.")
        {
            json, Add(console), List(console), Modify(console), Remove(console), Default(console),
        };
        command.SetAction(parse => Print(console, parse.GetValue(json), DataStore.LoadSettings(Directory.GetCurrentDirectory()), null));
        return command;
    }

    private static Command Add(ToolConsole console)
    {
        var name = new Argument<string>("name") { Description = "The remote's name (letters, digits, '_', '.', '-')." };
        var url = new Argument<string>("url") { Description = "A folder (a mounted share), s3://bucket/prefix or azure://container/prefix." };
        var makeDefault = new Option<bool>("--default", "-d") { Description = "Make it the default remote of data push and pull." };
        var local = Local();
        var json = CommonOptions.Json();
        var command = new Command("add", "Add a remote: a folder, s3://bucket/prefix or azure://container/prefix. Refuses a URL with a credential "
            + "in it (user:secret@, a SAS token).")
        {
            name, url, makeDefault, local, json,
        };
        command.SetAction(parse =>
        {
            var settings = DataStore.LoadSettings(Directory.GetCurrentDirectory());
            StoreConfigEditor.Add(settings, parse.GetValue(name)!, parse.GetValue(url)!, parse.GetValue(makeDefault), parse.GetValue(local));
            return Print(console, parse.GetValue(json), DataStore.LoadSettings(Directory.GetCurrentDirectory()), $"Added remote '{parse.GetValue(name)}'.");
        });
        return command;
    }

    private static Command List(ToolConsole console)
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "List the remotes, this machine's settings over the team's, and the default.") { json };
        command.SetAction(parse => Print(console, parse.GetValue(json), DataStore.LoadSettings(Directory.GetCurrentDirectory()), null));
        return command;
    }

    private static Command Modify(ToolConsole console)
    {
        var name = new Argument<string>("name") { Description = "The remote." };
        var option = new Argument<string>("option") { Description = $"One of {string.Join(", ", StoreConfigEditor.Options)}." };
        var value = new Argument<string?>("value") { Description = "The new value (none with --unset).", Arity = ArgumentArity.ZeroOrOne };
        var unset = new Option<bool>("--unset", "-u") { Description = "Remove the option instead of setting it." };
        var local = Local();
        var json = CommonOptions.Json();
        var command = new Command("modify", "Set an option of a remote: url, endpoint (an S3-compatible server's URL, or a blob service URL), "
            + "region, path-style (true/false), account (Azure).")
        {
            name, option, value, unset, local, json,
        };
        command.SetAction(parse =>
        {
            var settings = DataStore.LoadSettings(Directory.GetCurrentDirectory());
            StoreConfigEditor.Modify(
                settings, parse.GetValue(name)!, parse.GetValue(option)!, parse.GetValue(value), parse.GetValue(unset), parse.GetValue(local));
            return Print(console, parse.GetValue(json), DataStore.LoadSettings(Directory.GetCurrentDirectory()), $"Modified remote '{parse.GetValue(name)}'.");
        });
        return command;
    }

    private static Command Remove(ToolConsole console)
    {
        var name = new Argument<string>("name") { Description = "The remote." };
        var local = Local();
        var json = CommonOptions.Json();
        var command = new Command("remove", "Remove a remote from the configuration (its objects stay where they are).") { name, local, json };
        command.SetAction(parse =>
        {
            var settings = DataStore.LoadSettings(Directory.GetCurrentDirectory());
            StoreConfigEditor.Remove(settings, parse.GetValue(name)!, parse.GetValue(local));
            return Print(console, parse.GetValue(json), DataStore.LoadSettings(Directory.GetCurrentDirectory()), $"Removed remote '{parse.GetValue(name)}'.");
        });
        return command;
    }

    private static Command Default(ToolConsole console)
    {
        var name = new Argument<string?>("name")
        {
            Description = "The remote to make the default; without it, show the default.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var unset = new Option<bool>("--unset", "-u") { Description = "Leave no default remote." };
        var local = Local();
        var json = CommonOptions.Json();
        var command = new Command("default", "Show or set the default remote of data push, pull and status.") { name, unset, local, json };
        command.SetAction(parse =>
        {
            var settings = DataStore.LoadSettings(Directory.GetCurrentDirectory());
            var given = parse.GetValue(name);
            if (given is null && !parse.GetValue(unset))
            {
                if (parse.GetValue(json))
                {
                    console.WriteJson(writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteString("defaultRemote", settings.DefaultRemote);
                        writer.WriteEndObject();
                    });
                }
                else
                {
                    console.Output.WriteLine(settings.DefaultRemote ?? "(no default remote)");
                }

                return settings.DefaultRemote is null ? ExitCodes.Differs : ExitCodes.Ok;
            }

            StoreConfigEditor.SetDefault(settings, given, parse.GetValue(unset), parse.GetValue(local));
            return Print(console, parse.GetValue(json), DataStore.LoadSettings(Directory.GetCurrentDirectory()),
                given is null ? "No default remote." : $"'{given}' is the default remote.");
        });
        return command;
    }

    private static Option<bool> Local() => new("--local")
    {
        Description = "Edit .repro/config.local.json (this machine only, not committed) instead of .repro/config.json.",
    };

    private static int Print(ToolConsole console, bool json, StoreSettings settings, string? done)
    {
        if (json)
        {
            console.WriteJson(writer => WriteJson(writer, settings));
            return ExitCodes.Ok;
        }

        var report = new Report();
        if (done is not null)
        {
            report.Line(done, Tone.Good);
        }

        if (settings.Remotes.Count == 0)
        {
            report.Line("No remote: add one with dotnet repro remote add NAME URL --default.", Tone.Dim);
        }
        else
        {
            var section = report.Section("Remotes", "Name", "URL", "Options", "Default");
            foreach (var pair in settings.Remotes)
            {
                var options = string.Join(", ", new[]
                {
                    pair.Value.Endpoint is { } e ? "endpoint=" + e : null,
                    pair.Value.Region is { } r ? "region=" + r : null,
                    pair.Value.PathStyle is { } p ? "path-style=" + (p ? "true" : "false") : null,
                    pair.Value.Account is { } a ? "account=" + a : null,
                }.Where(o => o is not null));
                section.Row(pair.Key, Printable.Of(pair.Value.Url ?? ""), Printable.Of(options), pair.Key == settings.DefaultRemote ? "yes" : "");
            }
        }

        report.Line($"Configuration: {settings.ConfigPath} (committed), {settings.LocalConfigPath} (this machine).", Tone.Dim);
        console.Write(report);
        return ExitCodes.Ok;
    }

    private static void WriteJson(Utf8JsonWriter writer, StoreSettings settings)
    {
        writer.WriteStartObject();
        writer.WriteString("config", settings.ConfigPath);
        writer.WriteString("localConfig", settings.LocalConfigPath);
        writer.WriteString("defaultRemote", settings.DefaultRemote);
        writer.WriteString("cache", settings.CacheDirectory);
        writer.WriteStartArray("remotes");
        foreach (var pair in settings.Remotes)
        {
            writer.WriteStartObject();
            writer.WriteString("name", pair.Key);
            writer.WriteString("url", pair.Value.Url);
            writer.WriteString("kind", settings.Locate(pair.Value).Kind.ToString().ToLowerInvariant());
            writer.WriteString("endpoint", pair.Value.Endpoint);
            writer.WriteString("region", pair.Value.Region);
            if (pair.Value.PathStyle is { } pathStyle)
            {
                writer.WriteBoolean("pathStyle", pathStyle);
            }
            else
            {
                writer.WriteNull("pathStyle");
            }

            writer.WriteString("account", pair.Value.Account);
            writer.WriteBoolean("default", pair.Key == settings.DefaultRemote);
            writer.WriteBoolean("local", settings.Local.Remotes.ContainsKey(pair.Key));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
