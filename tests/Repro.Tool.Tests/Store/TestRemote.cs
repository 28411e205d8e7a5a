using System;
using System.IO;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Azure.Storage.Blobs;
using Repro.Build.Store;
using Repro.Tool.Services;

namespace Repro.Tool.Tests.Store;

/// <summary>A fresh, empty remote of one kind (its own folder, bucket or container) on the test servers.</summary>
internal sealed class TestRemote : IDisposable
{
    private readonly StoreServers _servers;

    private TestRemote(StoreServers servers, string kind, RemoteConfig config, string root)
    {
        _servers = servers;
        Kind = kind;
        Config = config;
        Root = root;
        Remote = Open();
    }

    public string Kind { get; }

    public RemoteConfig Config { get; }

    /// <summary>Where relative folder URLs are resolved.</summary>
    public string Root { get; }

    public IObjectRemote Remote { get; }

    public static TestRemote Create(StoreServers servers, string kind, string root)
    {
        var name = "t" + Guid.NewGuid().ToString("N").Substring(0, 20);
        switch (kind)
        {
            case "folder":
                Directory.CreateDirectory(Path.Combine(root, "remote"));
                return new TestRemote(servers, kind, new RemoteConfig { Url = "remote" }, root);
            case "s3":
                using (var client = S3Client(servers))
                {
                    client.PutBucketAsync(new PutBucketRequest { BucketName = name }).GetAwaiter().GetResult();
                }

                return new TestRemote(servers, kind, new RemoteConfig { Url = $"s3://{name}/team/data", Endpoint = servers.S3Endpoint, PathStyle = true }, root);
            case "azure":
                new BlobContainerClient(servers.AzureConnectionString(servers.AzureKey), name).Create();
                return new TestRemote(servers, kind, new RemoteConfig { Url = $"azure://{name}/team/data" }, root);
            default:
                throw new ArgumentException(kind);
        }
    }

    public IObjectRemote Open(AWSCredentials? s3Credentials = null, string? azureConnectionString = null)
    {
        var location = RemoteLocation.TryParse(Config.Url, Root, out var problem) ?? throw new InvalidOperationException(problem);
        return Kind switch
        {
            "s3" => new S3Remote("team", location, Config, s3Credentials),
            "azure" => new AzureBlobRemote("team", location, Config, azureConnectionString),
            _ => new FolderRemote("team", location.Folder!),
        };
    }

    /// <summary>Replaces the object's bytes on the remote behind the store's back (a damaged upload, a tampered bucket).</summary>
    public void Corrupt(string sha256, byte[] bytes)
    {
        var location = RemoteLocation.TryParse(Config.Url, Root, out _)!;
        var key = (location.Prefix.Length == 0 ? "" : location.Prefix + "/") + ContentHash.Key(sha256);
        switch (Kind)
        {
            case "s3":
                using (var client = S3Client(_servers))
                {
                    client.PutObjectAsync(new PutObjectRequest { BucketName = location.Container, Key = key, InputStream = new MemoryStream(bytes), UseChunkEncoding = false })
                        .GetAwaiter().GetResult();
                }

                break;
            case "azure":
                new BlobContainerClient(_servers.AzureConnectionString(_servers.AzureKey), location.Container).GetBlobClient(key)
                    .Upload(new BinaryData(bytes), overwrite: true);
                break;
            default:
                File.WriteAllBytes(Path.Combine(location.Folder!, key), bytes);
                break;
        }
    }

    public void Dispose() => Remote.Dispose();

    private static AmazonS3Client S3Client(StoreServers servers) => new(
        new BasicAWSCredentials(StoreServers.S3Key, StoreServers.S3Key),
        new AmazonS3Config
        {
            ServiceURL = servers.S3Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
}
