using System;
using System.Globalization;

namespace Repro.Runs;

/// <summary>
/// Reads the automatic-sharing settings: <c>REPRO_RUNS_SHARE</c> (<c>true</c> or <c>1</c> for <c>origin</c>, or a
/// remote's name; unset, empty, <c>false</c> or <c>0</c> for off) and <c>REPRO_RUNS_SHARE_TIMEOUT</c> (seconds).
/// A value that is not one of those never reaches a message verbatim: it may be a URL with a token in it.
/// </summary>
internal static class ShareSettings
{
    public const string RemoteVariable = "REPRO_RUNS_SHARE";
    public const string TimeoutVariable = "REPRO_RUNS_SHARE_TIMEOUT";
    public const string DefaultRemote = "origin";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(2);

    /// <summary>The remote <c>REPRO_RUNS_SHARE</c> names, or null for off (and for a value that is no remote's name: <see cref="Check"/> says so).</summary>
    public static string? RemoteFrom(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || IsOneOf(text!, "false", "0", "no", "off"))
        {
            return null;
        }

        return IsOneOf(text!, "true", "1", "yes", "on") ? DefaultRemote : text;
    }

    /// <summary>The timeout <c>REPRO_RUNS_SHARE_TIMEOUT</c> gives (whole or decimal seconds, more than 0), or null when unset or invalid.</summary>
    public static TimeSpan? TimeoutFrom(string? value) =>
        double.TryParse(value?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 24 * 3600
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>What is wrong with the settings a run is about to share with, or null when they are usable.</summary>
    public static string? Check(string remote, TimeSpan interval, TimeSpan timeout)
    {
        if (!IsRemoteName(remote))
        {
            return $"the run is not shared automatically: the remote to share with ({RemoteVariable} or ReproRunOptions.ShareRemote) must be 'true' (for "
                + $"{DefaultRemote}) or the name of one of the repository's git remotes, not a URL or path. Add the team's repository with 'git remote add "
                + "NAME URL' and name it.";
        }

        if (timeout <= TimeSpan.Zero || interval <= TimeSpan.Zero)
        {
            return "the run is not shared automatically: ReproRunOptions.ShareTimeout and ShareInterval must be longer than zero.";
        }

        return null;
    }

    /// <summary>What is wrong with <c>REPRO_RUNS_SHARE_TIMEOUT</c>'s value, or null when it is unset or valid.</summary>
    public static string? TimeoutProblem(string? value) =>
        string.IsNullOrWhiteSpace(value) || TimeoutFrom(value) is not null
            ? null
            : $"{TimeoutVariable} is not a number of seconds greater than 0 (at most a day); each push is given "
                + $"{DefaultTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds.";

    /// <summary>A name <c>git remote add</c> takes and nothing else: no URL, path or option.</summary>
    public static bool IsRemoteName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 100 || name[0] == '-' || name[0] == '.' || name.EndsWith(".lock", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return name.IndexOf("..", StringComparison.Ordinal) < 0;
    }

    private static bool IsOneOf(string text, params string[] values)
    {
        foreach (var value in values)
        {
            if (string.Equals(text, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
