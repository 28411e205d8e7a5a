using Repro.Build;
using Repro.Build.Store;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>Opens the remote a command names (or the default one) from the store's settings.</summary>
internal static class RemoteFactory
{
    /// <summary>The name of the remote to use: <paramref name="named"/>, else the default; one line when there is none.</summary>
    public static string Resolve(StoreSettings settings, string? named)
    {
        if (!string.IsNullOrWhiteSpace(named))
        {
            var there = settings.Remotes.Count == 0 ? "" : " (there are: " + string.Join(", ", settings.Remotes.Keys) + ")";
            return settings.Remotes.ContainsKey(named!) ? named!
                : throw new ToolInputException(DiagnosticIds.StoreConfigInvalid,
                    $"There is no remote '{named}' in {settings.ConfigPath}{there}: add it with dotnet repro remote add {named} URL.");
        }

        return settings.DefaultRemote ?? throw new ToolInputException(DiagnosticIds.StoreConfigInvalid,
            settings.Remotes.Count == 0
                ? "No remote is configured: add one with dotnet repro remote add NAME URL --default (a folder, s3://bucket/prefix or azure://container/prefix)."
                : $"No default remote: name one with -r NAME, or set it with dotnet repro remote default NAME (there are: "
                    + $"{string.Join(", ", settings.Remotes.Keys)}).");
    }

    /// <summary>Opens a remote of the settings by name.</summary>
    public static IObjectRemote Open(StoreSettings settings, string name)
    {
        var config = settings.Remotes[name];
        RemoteLocation location;
        try
        {
            location = settings.Locate(config);
        }
        catch (InvalidDataException ex)
        {
            throw new ToolInputException(DiagnosticIds.StoreConfigInvalid, $"remote '{name}': {ex.Message}.", ex);
        }

        try
        {
            return location.Kind switch
            {
                RemoteKind.S3 => new S3Remote(name, location, config),
                RemoteKind.Azure => new AzureBlobRemote(name, location, config),
                _ => new FolderRemote(name, location.Folder!),
            };
        }
        catch (RemoteException ex)
        {
            throw StoreErrors.ToInput(ex);
        }
    }
}
