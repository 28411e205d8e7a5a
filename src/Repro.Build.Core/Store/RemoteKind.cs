namespace Repro.Build.Store;

/// <summary>The kinds of remote a store URL can name.</summary>
public enum RemoteKind
{
    /// <summary>A folder: a local disk or a mounted network share, as DVC's local remote.</summary>
    Folder,

    /// <summary><c>s3://bucket/prefix</c>: AWS S3 or an S3-compatible server (MinIO, Cloudflare R2, Ceph).</summary>
    S3,

    /// <summary><c>azure://container/prefix</c>: Azure Blob Storage.</summary>
    Azure,
}
