using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Repro.Build.Store;

namespace Repro.Tool.Services;

/// <summary>
/// An Azure Blob Storage container through Azure.Storage.Blobs. Credentials: the connection string in
/// <c>AZURE_STORAGE_CONNECTION_STRING</c>, else the account (or endpoint) of the configuration with
/// <c>DefaultAzureCredential</c> (environment, workload identity, managed identity, Azure CLI, …). A large file goes as
/// staged blocks read from the file, then one commit of the block list: the blob appears only with the commit.
/// </summary>
internal sealed class AzureBlobRemote : IObjectRemote
{
    public const string ConnectionStringVariable = "AZURE_STORAGE_CONNECTION_STRING";

    private readonly BlobContainerClient _container;
    private readonly string _prefix;
    private readonly OnceAsync _probe;

    /// <param name="connectionString">Null in the tool (<c>AZURE_STORAGE_CONNECTION_STRING</c>, else DefaultAzureCredential); tests pass wrong ones.</param>
    public AzureBlobRemote(string name, RemoteLocation location, RemoteConfig config, string? connectionString = null)
    {
        _prefix = location.Prefix.Length == 0 ? "" : location.Prefix + "/";
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.NetworkTimeout = TimeSpan.FromMinutes(5);
        connectionString ??= Environment.GetEnvironmentVariable(ConnectionStringVariable);
        BlobServiceClient service;
        string where;
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                service = new BlobServiceClient(connectionString, options);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw new RemoteException(RemoteFailure.Authentication,
                    $"remote '{name}' ({location.Url}): {ConnectionStringVariable} is not a storage connection string: copy it again from the "
                        + $"storage account's access keys.", ex);
            }

            where = service.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }
        else
        {
            var endpoint = config.Endpoint ?? (config.Account is { } account ? $"https://{account}.blob.core.windows.net"
                : throw new RemoteException(RemoteFailure.Authentication,
                    $"remote '{name}' ({location.Url}) names no storage account: set {ConnectionStringVariable}, or dotnet repro remote modify "
                        + $"{name} account NAME (then sign in, e.g. az login)."));
            service = new BlobServiceClient(new Uri(endpoint), new DefaultAzureCredential(), options);
            where = endpoint;
        }

        _container = service.GetBlobContainerClient(location.Container);
        _probe = new OnceAsync(RequireContainerAsync);
        Description = $"remote '{name}' ({location.Url} at {where})";
    }

    public string Description { get; }

    public async Task<ISet<string>> ExistingAsync(IReadOnlyDictionary<string, long> expected, CancellationToken cancellation)
    {
        await ProbeAsync(cancellation).ConfigureAwait(false);
        return await BatchedExistence.FindAsync(expected, ListAsync, SizeOfAsync, cancellation).ConfigureAwait(false);
    }

    public async Task UploadAsync(string sha256, string file, CancellationToken cancellation)
    {
        await ProbeAsync(cancellation).ConfigureAwait(false);
        var length = new FileInfo(file).Length;
        var blockSize = S3Remote.PartSize(length);
        var options = new BlobUploadOptions
        {
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = S3Remote.MultipartThreshold,
                MaximumTransferSize = blockSize,
                MaximumConcurrency = 4,
            },
        };
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        await Call(() => _container.GetBlobClient(KeyOf(sha256)).UploadAsync(stream, options, cancellation), sha256).ConfigureAwait(false);
    }

    public async Task DownloadAsync(string sha256, Stream destination, long maxBytes, CancellationToken cancellation)
    {
        await ProbeAsync(cancellation).ConfigureAwait(false);
        var blob = _container.GetBlobClient(KeyOf(sha256));
        var properties = await Call(() => blob.GetPropertiesAsync(cancellationToken: cancellation), sha256).ConfigureAwait(false);
        if (properties.Value.ContentLength > maxBytes)
        {
            throw new InvalidDataException($"the object is {properties.Value.ContentLength} bytes, more than the {maxBytes} expected");
        }

        // The ETag pins the version measured above: a blob replaced meanwhile fails instead of mixing two versions.
        var options = new BlobDownloadToOptions
        {
            Conditions = new BlobRequestConditions { IfMatch = properties.Value.ETag },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = 8 << 20, MaximumTransferSize = 8 << 20, MaximumConcurrency = 1 },
        };
        await Call(() => blob.DownloadToAsync(destination, options, cancellation), sha256).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<RemoteObject> ListAsync([EnumeratorCancellation] CancellationToken cancellation)
    {
        await ProbeAsync(cancellation).ConfigureAwait(false);
        var pages = _container.GetBlobsAsync(new GetBlobsOptions { Prefix = _prefix + "files/sha256/" }, cancellation).AsPages(pageSizeHint: 5000);
        await using var enumerator = pages.GetAsyncEnumerator(cancellation);
        while (true)
        {
            Page<BlobItem> page;
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                page = enumerator.Current;
            }
            catch (Exception ex) when (Translate(ex, null) is { } translated)
            {
                throw translated;
            }

            foreach (var item in page.Values)
            {
                if (ContentHash.FromKey(item.Name.Substring(_prefix.Length)) is { } hash)
                {
                    yield return new RemoteObject(hash, item.Properties.ContentLength ?? -1);
                }
            }
        }
    }

    public async Task DeleteAsync(string sha256, CancellationToken cancellation)
    {
        await ProbeAsync(cancellation).ConfigureAwait(false);
        await Call(() => _container.GetBlobClient(KeyOf(sha256)).DeleteIfExistsAsync(cancellationToken: cancellation), sha256).ConfigureAwait(false);
    }

    public void Dispose() => _probe.Dispose();

    private string KeyOf(string sha256) => _prefix + ContentHash.Key(sha256);

    private async Task<long?> SizeOfAsync(string sha256, CancellationToken cancellation)
    {
        try
        {
            var properties = await _container.GetBlobClient(KeyOf(sha256)).GetPropertiesAsync(cancellationToken: cancellation).ConfigureAwait(false);
            return properties.Value.ContentLength;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (Exception ex) when (Translate(ex, sha256) is { } translated)
        {
            throw translated;
        }
    }

    // The container checked once before the first request: a missing one gets its own message.
    private Task ProbeAsync(CancellationToken cancellation) => _probe.RunAsync(cancellation);

    private async Task RequireContainerAsync(CancellationToken cancellation)
    {
        var exists = await Call(() => _container.ExistsAsync(cancellation), null).ConfigureAwait(false);
        if (!exists.Value)
        {
            throw new RemoteException(RemoteFailure.ContainerMissing,
                $"{Description}: the container '{_container.Name}' does not exist: create it (az storage container create), or correct the "
                    + $"remote's URL (dotnet repro remote modify).");
        }
    }

    private async Task<T> Call<T>(Func<Task<T>> request, string? sha256)
    {
        try
        {
            return await request().ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, sha256) is { } translated)
        {
            throw translated;
        }
    }

    private RemoteException? Translate(Exception ex, string? sha256)
    {
        switch (ex)
        {
            case OperationCanceledException:
                return null;
            case RequestFailedException failed when failed.Status is 401 or 403:
                return new RemoteException(RemoteFailure.Authentication,
                    $"{Description} refused the credentials ({failed.ErrorCode ?? failed.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}): "
                    + $"check {ConnectionStringVariable}, or sign in for DefaultAzureCredential (az login) with a role that may read and write "
                        + $"blobs; dotnet repro never stores them.", ex);
            case RequestFailedException failed when failed.ErrorCode == "ContainerNotFound":
                return new RemoteException(RemoteFailure.ContainerMissing,
                    $"{Description}: the container '{_container.Name}' does not exist: create it, or correct the remote's URL (dotnet repro remote "
                        + $"modify).", ex);
            case RequestFailedException failed when failed.Status == 404:
                return new RemoteException(RemoteFailure.ObjectMissing, $"{Description} has no object {sha256}.", ex);
            case RequestFailedException failed when failed.Status is 0 or 408 or 429 or >= 500:
                return new RemoteException(failed.Status == 0 ? RemoteFailure.Unreachable : RemoteFailure.Transient,
                    $"{Description} cannot be reached or failed ({FirstLine(failed.Message)}): check the endpoint and the network, then run the "
                        + $"command again.", ex);
            case RequestFailedException failed:
                return new RemoteException(RemoteFailure.Unreachable, $"{Description} refused the request ({failed.Status} {failed.ErrorCode}).", ex);
            case AuthenticationFailedException or CredentialUnavailableException:
                return new RemoteException(RemoteFailure.Authentication,
                    $"{Description}: no Azure credentials: set {ConnectionStringVariable}, or sign in for DefaultAzureCredential (az login, a "
                        + $"managed identity); dotnet repro never stores them.", ex);
            case AggregateException or HttpRequestException or SocketException or IOException or TimeoutException:
                return new RemoteException(RemoteFailure.Unreachable,
                    $"{Description} cannot be reached ({FirstLine(Innermost(ex).Message)}): check the endpoint and the network, then run the "
                        + $"command again.", ex);
            default:
                return null;
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
