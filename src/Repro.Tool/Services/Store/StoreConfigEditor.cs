using Repro.Build;
using Repro.Build.Store;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// What <c>dotnet repro remote …</c> changes: the committed <c>.repro/config.json</c>, or with <c>--local</c> this machine's
/// <c>.repro/config.local.json</c>. Every change is checked as the reader checks the file (a URL with a credential, an
/// unknown option, a bad name are one REPRO530 line), then written atomically, with <c>.repro/.gitignore</c>.
/// </summary>
internal static class StoreConfigEditor
{
    /// <summary>The options <c>remote modify</c> sets, by their command-line names.</summary>
    public static readonly IReadOnlyList<string> Options = new[] { "url", "endpoint", "region", "path-style", "account" };

    public static void Add(StoreSettings settings, string name, string url, bool makeDefault, bool local)
    {
        var config = Target(settings, local);
        Require(StoreConfigFile.CheckRemoteName(name));
        if (config.Remotes.ContainsKey(name))
        {
            throw Invalid($"remote '{name}' already exists in {PathOf(settings, local)}: change it with dotnet repro remote modify {name} url URL, "
                + $"or remove it first.");
        }

        var remote = new RemoteConfig { Url = url.Trim() };
        Require(StoreConfigFile.CheckRemote(name, remote, settings.RootDirectory));
        config.Remotes[name] = remote;
        if (makeDefault)
        {
            config.DefaultRemote = name;
        }

        Save(settings, config, local);
    }

    public static void Modify(StoreSettings settings, string name, string option, string? value, bool unset, bool local)
    {
        if (!settings.Remotes.ContainsKey(name))
        {
            throw Invalid($"There is no remote '{name}' (dotnet repro remote list shows them).");
        }

        var config = Target(settings, local);
        var remote = config.Remotes.TryGetValue(name, out var existing) ? existing : new RemoteConfig();
        if (!unset && value is null)
        {
            throw new ToolInputException(DiagnosticIds.ToolUsage, $"dotnet repro remote modify {name} {option} needs a value (or --unset to remove "
                + $"the option).");
        }

        switch (option)
        {
            case "url":
                if (unset)
                {
                    throw new ToolInputException(DiagnosticIds.ToolUsage, "A remote's url cannot be unset: remove the remote instead (dotnet repro "
                        + "remote remove).");
                }

                remote.Url = value!.Trim();
                break;
            case "endpoint":
                remote.Endpoint = unset ? null : value!.Trim();
                break;
            case "region":
                remote.Region = unset ? null : value!.Trim();
                break;
            case "account":
                remote.Account = unset ? null : value!.Trim();
                break;
            case "path-style":
                remote.PathStyle = unset ? null : value!.Trim().ToLowerInvariant() switch
                {
                    "true" => true,
                    "false" => false,
                    _ => throw new ToolInputException(DiagnosticIds.ToolUsage, $"path-style is true or false, not '{value}'."),
                };
                break;
            default:
                throw new ToolInputException(DiagnosticIds.ToolUsage, $"'{option}' is not an option of a remote: give one of {string.Join(", ", Options)}.");
        }

        // A local entry may hold only the options it overrides; the URL comes from the team's file.
        var merged = Merge(settings.Committed.Remotes.TryGetValue(name, out var shared) && local ? shared : null, remote);
        Require(StoreConfigFile.CheckRemote(name, merged, settings.RootDirectory));
        config.Remotes[name] = remote;
        Save(settings, config, local);
    }

    public static void Remove(StoreSettings settings, string name, bool local)
    {
        var config = Target(settings, local);
        if (!config.Remotes.Remove(name))
        {
            throw Invalid($"There is no remote '{name}' in "
                + $"{PathOf(settings, local)}{(local ? "" : " (a remote of this machine only is removed with --local)")}.");
        }

        if (config.DefaultRemote == name)
        {
            config.DefaultRemote = null;
        }

        var other = local ? settings.Committed : settings.Local;
        if (other.DefaultRemote == name && !other.Remotes.ContainsKey(name))
        {
            throw Invalid($"remote '{name}' is the default in {PathOf(settings, !local)}: set another default first (dotnet repro remote default "
                + $"NAME{(local ? "" : " --local")}).");
        }

        Save(settings, config, local);
    }

    /// <summary>Sets (or with a null name and <paramref name="unset"/>, clears) the default remote.</summary>
    public static void SetDefault(StoreSettings settings, string? name, bool unset, bool local)
    {
        var config = Target(settings, local);
        if (unset)
        {
            config.DefaultRemote = null;
        }
        else
        {
            if (name is null || !settings.Remotes.ContainsKey(name))
            {
                throw Invalid($"There is no remote '{name}' to make the default (dotnet repro remote list shows them).");
            }

            config.DefaultRemote = name;
        }

        Save(settings, config, local);
    }

    private static StoreConfig Target(StoreSettings settings, bool local) => local ? settings.Local : settings.Committed;

    private static string PathOf(StoreSettings settings, bool local) => local ? settings.LocalConfigPath : settings.ConfigPath;

    private static RemoteConfig Merge(RemoteConfig? shared, RemoteConfig local) => new()
    {
        Url = local.Url ?? shared?.Url,
        Endpoint = local.Endpoint ?? shared?.Endpoint,
        Region = local.Region ?? shared?.Region,
        PathStyle = local.PathStyle ?? shared?.PathStyle,
        Account = local.Account ?? shared?.Account,
    };

    private static void Save(StoreSettings settings, StoreConfig config, bool local)
    {
        Require(StoreConfigFile.Check(config, settings.RootDirectory));
        try
        {
            ReproFolder.EnsureGitIgnore(settings.ReproDirectory);
            StoreConfigFile.Write(PathOf(settings, local), config);
        }
        catch (Exception ex) when (Repro.Build.IO.ReadFailure.IsExpected(ex))
        {
            throw new ToolInputException(DiagnosticIds.ToolOutputNotWritten, $"{PathOf(settings, local)} could not be written: {ex.Message}", ex);
        }
    }

    private static void Require(string? problem)
    {
        if (problem is not null)
        {
            throw Invalid(problem + ".");
        }
    }

    private static ToolInputException Invalid(string message) => new(DiagnosticIds.StoreConfigInvalid, message);
}
