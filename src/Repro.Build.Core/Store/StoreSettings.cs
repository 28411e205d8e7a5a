using System;
using System.Collections.Generic;
using System.IO;

namespace Repro.Build.Store;

/// <summary>
/// The store's settings as they apply here: <c>.repro/config.json</c> (the team's, committed) with
/// <c>.repro/config.local.json</c> (this machine's) over it key by key, and <c>REPRO_CACHE_DIR</c> over both for the
/// cache folder. As DVC's <c>.dvc/config</c> and <c>.dvc/config.local</c>.
/// </summary>
public sealed class StoreSettings
{
    /// <summary>The declared data a run puts into the cache by itself when <c>cache.runData</c> does not say: 256 MiB.</summary>
    public const long DefaultRunDataMaxBytes = 256L << 20;

    /// <summary>Parallel transfers when neither <c>--jobs</c> nor <c>jobs</c> says otherwise.</summary>
    public const int DefaultJobs = 4;

    private StoreSettings(string reproDirectory, StoreConfig committed, StoreConfig local)
    {
        ReproDirectory = reproDirectory;
        RootDirectory = Path.GetDirectoryName(reproDirectory)!;
        Committed = committed;
        Local = local;

        var remotes = new SortedDictionary<string, RemoteConfig>(StringComparer.Ordinal);
        foreach (var pair in committed.Remotes)
        {
            remotes[pair.Key] = pair.Value.Clone();
        }

        foreach (var pair in local.Remotes)
        {
            remotes[pair.Key] = remotes.TryGetValue(pair.Key, out var shared) ? Merge(shared, pair.Value) : pair.Value.Clone();
        }

        Remotes = remotes;
        DefaultRemote = local.DefaultRemote ?? committed.DefaultRemote;
        Jobs = local.Jobs ?? committed.Jobs ?? DefaultJobs;
        var type = local.Cache?.Type ?? committed.Cache?.Type;
        LinkTypes = type is null ? LocalCache.DefaultLinkTypes : StoreConfigFile.ParseLinkTypes(type, out _)!;
        CacheOutputs = local.Cache?.Outputs ?? committed.Cache?.Outputs ?? true;
        var runData = local.Cache?.RunData ?? committed.Cache?.RunData;
        RunDataMaxBytes = runData is null ? DefaultRunDataMaxBytes : StoreConfigFile.ParseSize(runData) ?? DefaultRunDataMaxBytes;
        var fromEnvironment = Environment.GetEnvironmentVariable(LocalCache.EnvironmentVariable);
        var configured = !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment : local.Cache?.Dir ?? committed.Cache?.Dir;
        CacheDirectory = configured is null
            ? Path.Combine(reproDirectory, "cache")
            : Path.GetFullPath(Path.Combine(RootDirectory, configured));
    }

    /// <summary>The top of the work tree (or the folder the settings were loaded for, outside git).</summary>
    public string RootDirectory { get; }

    /// <summary>The <c>.repro</c> folder that holds the configuration files.</summary>
    public string ReproDirectory { get; }

    public string ConfigPath => Path.Combine(ReproDirectory, StoreConfigFile.FileName);

    public string LocalConfigPath => Path.Combine(ReproDirectory, StoreConfigFile.LocalFileName);

    /// <summary>The committed file as read (empty when missing): what <c>remote add</c> edits.</summary>
    public StoreConfig Committed { get; }

    /// <summary>This machine's file as read (empty when missing): what <c>remote add --local</c> edits.</summary>
    public StoreConfig Local { get; }

    /// <summary>Every remote, this machine's settings over the team's.</summary>
    public IReadOnlyDictionary<string, RemoteConfig> Remotes { get; }

    public string? DefaultRemote { get; }

    public int Jobs { get; }

    public IReadOnlyList<CacheLinkType> LinkTypes { get; }

    /// <summary>Whether a run's logged outputs go into the cache (<c>cache.outputs</c>, default true).</summary>
    public bool CacheOutputs { get; }

    /// <summary>The largest total of declared data a run adds to the cache when it starts (<c>cache.runData</c>).</summary>
    public long RunDataMaxBytes { get; }

    /// <summary>The cache folder: <c>REPRO_CACHE_DIR</c>, else <c>cache.dir</c>, else <c>.repro/cache</c> at the work tree's root.</summary>
    public string CacheDirectory { get; }

    /// <summary>Loads the settings that apply to <paramref name="startDirectory"/>.</summary>
    /// <exception cref="InvalidDataException">A configuration file is damaged or refused (the message names it).</exception>
    public static StoreSettings Load(string startDirectory) => LoadFrom(ReproFolder.Locate(startDirectory));

    /// <summary>Loads the settings of one <c>.repro</c> folder.</summary>
    /// <exception cref="InvalidDataException">A configuration file is damaged or refused (the message names it).</exception>
    public static StoreSettings LoadFrom(string reproDirectory)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(reproDirectory))!;
        var committed = StoreConfigFile.Read(Path.Combine(reproDirectory, StoreConfigFile.FileName), root) ?? new StoreConfig();
        var local = StoreConfigFile.Read(Path.Combine(reproDirectory, StoreConfigFile.LocalFileName), root) ?? new StoreConfig();
        var settings = new StoreSettings(Path.GetFullPath(reproDirectory), committed, local);
        foreach (var pair in settings.Remotes)
        {
            if (pair.Value.Url is null)
            {
                throw new InvalidDataException($"{settings.LocalConfigPath}: remote '{pair.Key}' has no url here or in {StoreConfigFile.FileName}: add one.");
            }
        }

        if (settings.DefaultRemote is { } name && !settings.Remotes.ContainsKey(name))
        {
            throw new InvalidDataException(
                $"{(local.DefaultRemote is null ? settings.ConfigPath : settings.LocalConfigPath)}: defaultRemote '{name}' names no remote: add it, "
                    + $"or set another default.");
        }

        return settings;
    }

    /// <summary>The cache these settings name.</summary>
    public LocalCache OpenCache()
    {
        // The default cache lives in .repro/: keep it out of the user's commits (and the next build clean) from the start.
        if (CacheDirectory.StartsWith(ReproDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            ReproFolder.EnsureGitIgnore(ReproDirectory);
        }

        return new(CacheDirectory, LinkTypes);
    }

    /// <summary>The location of a remote of these settings (its URL parsed, a folder relative to the work tree's root).</summary>
    public RemoteLocation Locate(RemoteConfig remote) =>
        RemoteLocation.TryParse(remote.Url, RootDirectory, out var problem) ?? throw new InvalidDataException(problem);

    private static RemoteConfig Merge(RemoteConfig shared, RemoteConfig local) => new()
    {
        Url = local.Url ?? shared.Url,
        Endpoint = local.Endpoint ?? shared.Endpoint,
        Region = local.Region ?? shared.Region,
        PathStyle = local.PathStyle ?? shared.PathStyle,
        Account = local.Account ?? shared.Account,
    };
}
