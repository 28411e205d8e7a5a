namespace Repro.Build.Store;

/// <summary>A remote of the store: where it is (<see cref="Url"/>) and how to reach it; never how to authenticate.</summary>
public sealed class RemoteConfig
{
    /// <summary>A folder path, <c>s3://bucket/prefix</c> or <c>azure://container/prefix</c>.</summary>
    public string? Url { get; set; }

    /// <summary>S3: the service URL of an S3-compatible server (MinIO, R2, Ceph); Azure: the blob service URL.</summary>
    public string? Endpoint { get; set; }

    /// <summary>S3: the region (default: the SDK's, else us-east-1).</summary>
    public string? Region { get; set; }

    /// <summary>S3: path-style addressing (<c>endpoint/bucket/key</c>), which most S3-compatible servers need.</summary>
    public bool? PathStyle { get; set; }

    /// <summary>Azure: the storage account name, when no connection string is set (<c>https://ACCOUNT.blob.core.windows.net</c>).</summary>
    public string? Account { get; set; }

    public RemoteConfig Clone() => (RemoteConfig)MemberwiseClone();
}
