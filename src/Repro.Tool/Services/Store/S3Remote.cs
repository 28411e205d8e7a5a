using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Repro.Build.Store;

namespace Repro.Tool.Services;

/// <summary>
/// An S3 bucket (AWS, or an S3-compatible server: MinIO, Cloudflare R2, Ceph) through AWSSDK.S3. Credentials come only
/// from the SDK's own chain (environment, profile, SSO, instance role). A file above <see cref="MultipartThreshold"/>
/// goes in parts read straight from the file (<see cref="PartSize"/> grows with the file, a few parts in parallel),
/// completed in one request: S3 shows an object only when its upload completes, so an interrupted upload leaves none.
/// </summary>
internal sealed class S3Remote : IObjectRemote
{
    public const long MultipartThreshold = 32L << 20;
    private const long MinPartSize = 8L << 20;
    private const long MaxPartSize = 5L << 30;
    private const int PartsInParallel = 4;

    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly OnceAsync _probe;

    /// <param name="credentials">Null in the tool (the SDK's chain); tests pass wrong ones.</param>
    public S3Remote(string name, RemoteLocation location, RemoteConfig config, AWSCredentials? credentials = null)
    {
        _bucket = location.Container!;
        _prefix = location.Prefix.Length == 0 ? "" : location.Prefix + "/";
        Description = $"remote '{name}' ({location.Url}{(config.Endpoint is null ? "" : " at " + config.Endpoint)})";
        var settings = new AmazonS3Config
        {
            ForcePathStyle = config.PathStyle ?? false,
            MaxErrorRetry = 3,
            Timeout = TimeSpan.FromMinutes(5),
            // Trailing checksums (the SDK's default since 4.0) are not understood by every S3-compatible server.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (config.Endpoint is { } endpoint)
        {
            settings.ServiceURL = endpoint;
            settings.AuthenticationRegion = config.Region ?? "us-east-1";
        }
        else
        {
            settings.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(config.Region ?? "us-east-1");
        }

        _client = credentials is null ? new AmazonS3Client(settings) : new AmazonS3Client(credentials, settings);
        _probe = new OnceAsync(ListOneAsync);
    }

    public string Description { get; }

    /// <summary>The part size of a multipart upload: 8 MiB, or a thousandth of the file when larger (at most 10,000 parts).</summary>
    public static long PartSize(long length)
    {
        var size = Math.Max(MinPartSize, (length / 1000 + (1 << 20) - 1) >> 20 << 20);
        return Math.Min(size, MaxPartSize);
    }

    public async Task<ISet<string>> ExistingAsync(IReadOnlyDictionary<string, long> expected, CancellationToken cancellation)
    {
        await ProbeAsync(cancellation).ConfigureAwait(false);
        return await BatchedExistence.FindAsync(expected, ListAsync, SizeOfAsync, cancellation).ConfigureAwait(false);
    }

    public async Task UploadAsync(string sha256, string file, CancellationToken cancellation)
    {
        await ProbeAsync(cancellation).ConfigureAwait(false);
        var key = KeyOf(sha256);
        var length = new FileInfo(file).Length;
        if (length <= MultipartThreshold)
        {
            var put = new PutObjectRequest { BucketName = _bucket, Key = key, FilePath = file, UseChunkEncoding = false };
            await Call(() => _client.PutObjectAsync(put, cancellation)).ConfigureAwait(false);
            return;
        }

        var start = await Call(() => _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = key }, cancellation))
            .ConfigureAwait(false);
        try
        {
            var partSize = PartSize(length);
            var count = (int)((length + partSize - 1) / partSize);
            using var gate = new SemaphoreSlim(PartsInParallel);
            var parts = Enumerable.Range(1, count).Select(async number =>
            {
                await gate.WaitAsync(cancellation).ConfigureAwait(false);
                try
                {
                    var position = (number - 1) * partSize;
                    var response = await Call(() => _client.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = _bucket,
                        Key = key,
                        UploadId = start.UploadId,
                        PartNumber = number,
                        FilePath = file,
                        FilePosition = position,
                        PartSize = Math.Min(partSize, length - position),
                        IsLastPart = number == count,
                        UseChunkEncoding = false,
                    }, cancellation)).ConfigureAwait(false);
                    return new PartETag(number, response.ETag);
                }
                finally
                {
                    gate.Release();
                }
            }).ToList();
            var etags = await Task.WhenAll(parts).ConfigureAwait(false);
            await Call(() => _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket,
                Key = key,
                UploadId = start.UploadId,
                PartETags = etags.OrderBy(p => p.PartNumber).ToList(),
            }, cancellation)).ConfigureAwait(false);
        }
        catch
        {
            try
            {
                var abort = new AbortMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = start.UploadId };
                await _client.AbortMultipartUploadAsync(abort, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException)
            {
                // The server keeps the parts until its lifecycle rule removes them; no object became visible.
            }

            throw;
        }
    }

    public async Task DownloadAsync(string sha256, Stream destination, long maxBytes, CancellationToken cancellation)
    {
        await ProbeAsync(cancellation).ConfigureAwait(false);
        using var response = await Call(() => _client.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = KeyOf(sha256) }, cancellation), sha256)
            .ConfigureAwait(false);
        if (response.ContentLength > maxBytes)
        {
            throw new InvalidDataException($"the object is {response.ContentLength} bytes, more than the {maxBytes} expected");
        }

        try
        {
            await BoundedCopy.CopyAsync(response.ResponseStream, destination, maxBytes, cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new RemoteException(RemoteFailure.Unreachable, $"{Description} broke off the download of {sha256}: {ex.Message}", ex);
        }
    }

    public async IAsyncEnumerable<RemoteObject> ListAsync([EnumeratorCancellation] CancellationToken cancellation)
    {
        await ProbeAsync(cancellation).ConfigureAwait(false);
        string? token = null;
        do
        {
            var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix + "files/sha256/", ContinuationToken = token, MaxKeys = 1000 };
            var page = await Call(() => _client.ListObjectsV2Async(request, cancellation)).ConfigureAwait(false);
            foreach (var item in page.S3Objects ?? [])
            {
                if (ContentHash.FromKey(item.Key.Substring(_prefix.Length)) is { } hash)
                {
                    yield return new RemoteObject(hash, item.Size ?? -1);
                }
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
    }

    public async Task DeleteAsync(string sha256, CancellationToken cancellation)
    {
        await ProbeAsync(cancellation).ConfigureAwait(false);
        await Call(() => _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = KeyOf(sha256) }, cancellation)).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _client.Dispose();
        _probe.Dispose();
    }

    private string KeyOf(string sha256) => _prefix + ContentHash.Key(sha256);

    private async Task<long?> SizeOfAsync(string sha256, CancellationToken cancellation)
    {
        try
        {
            var head = new GetObjectMetadataRequest { BucketName = _bucket, Key = KeyOf(sha256) };
            return (await _client.GetObjectMetadataAsync(head, cancellation).ConfigureAwait(false)).ContentLength;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception ex) when (Translate(ex, null) is { } translated)
        {
            throw translated;
        }
    }

    // One listing of at most one key before the first request: a missing bucket, refused credentials and an unreachable
    // server each get their own message (a HEAD's 404 cannot tell a missing bucket from a missing object).
    private Task ProbeAsync(CancellationToken cancellation) => _probe.RunAsync(cancellation);

    private async Task ListOneAsync(CancellationToken cancellation)
    {
        var first = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix, MaxKeys = 1 };
        await Call(() => _client.ListObjectsV2Async(first, cancellation)).ConfigureAwait(false);
    }

    private async Task<T> Call<T>(Func<Task<T>> request, string? sha256 = null)
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
        if (ex is OperationCanceledException)
        {
            return null;
        }

        if (ex is AmazonS3Exception s3)
        {
            switch (s3.ErrorCode)
            {
                case "NoSuchBucket":
                    return new RemoteException(RemoteFailure.ContainerMissing,
                        $"{Description}: the bucket '{_bucket}' does not exist: create it, or correct the remote's URL (dotnet repro remote modify).", ex);
                case "NoSuchKey":
                    return new RemoteException(RemoteFailure.ObjectMissing, $"{Description} has no object {sha256}.", ex);
                case "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "AccessDenied" or "InvalidToken" or "ExpiredToken" or "AuthorizationHeaderMalformed":
                    return new RemoteException(RemoteFailure.Authentication,
                        $"{Description} refused the credentials ({s3.ErrorCode}): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or "
                            + $"sign in (aws sso login); dotnet repro never stores them.", ex);
            }

            if (s3.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            {
                return new RemoteException(RemoteFailure.Authentication,
                    $"{Description} refused access ({(int)s3.StatusCode} {s3.ErrorCode}): check the credentials of the SDK's chain (AWS_PROFILE, "
                        + $"AWS_ACCESS_KEY_ID) and the bucket's policy.", ex);
            }

            if (s3.StatusCode == HttpStatusCode.NotFound && sha256 is not null)
            {
                return new RemoteException(RemoteFailure.ObjectMissing, $"{Description} has no object {sha256}.", ex);
            }

            if ((int)s3.StatusCode >= 500 || s3.StatusCode == (HttpStatusCode)429)
            {
                return new RemoteException(RemoteFailure.Transient, $"{Description} failed ({(int)s3.StatusCode} {s3.ErrorCode}): {s3.Message}", ex);
            }

            return new RemoteException(RemoteFailure.Unreachable, $"{Description} refused the request ({(int)s3.StatusCode} {s3.ErrorCode}): {s3.Message}", ex);
        }

        if (ex is AmazonClientException client && client.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase))
        {
            return new RemoteException(RemoteFailure.Authentication,
                $"{Description}: no AWS credentials were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or AWS_PROFILE (dotnet repro never "
                    + $"stores credentials).", ex);
        }

        if (ex is HttpRequestException or SocketException or IOException or AmazonClientException or TimeoutException or TaskCanceledException)
        {
            return new RemoteException(RemoteFailure.Unreachable,
                $"{Description} cannot be reached ({Innermost(ex).Message}): check the endpoint and the network, then run the command again.", ex);
        }

        return null;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
