namespace Repro.Build;

/// <summary>
/// Every REPRO diagnostic the build reports (analyzer rules have their own list). Ranges: 1xx git and source,
/// 2xx dependencies, 3xx environment, data and configuration, 4xx run time (Repro.Runs), 5xx the <c>dotnet repro</c> tool,
/// 9xx internal failures. Each has a page under docs/diagnostics/.
/// </summary>
public static class DiagnosticIds
{
    public const string NotInGitRepository = "REPRO101";
    public const string GitRepositoryUnreadable = "REPRO102";
    public const string GitStatusUnavailable = "REPRO103";
    public const string PatchTruncated = "REPRO104";
    public const string StrictGitRequirement = "REPRO105";
    public const string WorkingTreeSpecialFile = "REPRO106";
    public const string HeadReferenceMissing = "REPRO107";
    public const string AssetsFileUnreadable = "REPRO201";
    public const string LockFileMismatch = "REPRO202";
    public const string NoLockFile = "REPRO203";
    public const string GlobalJsonUnreadable = "REPRO204";
    public const string InvalidSetting = "REPRO301";
    public const string DataMissing = "REPRO302";
    public const string ConfigMissing = "REPRO303";
    public const string DataSkipped = "REPRO304";
    public const string DataChangedWhileHashed = "REPRO305";
    public const string DataChangedSinceBuild = "REPRO401";
    public const string RunNotWritten = "REPRO402";
    public const string NoBuildManifest = "REPRO403";
    public const string ParamConflict = "REPRO404";
    public const string DataNotChecked = "REPRO405";
    public const string RunFileMissing = "REPRO406";
    public const string RunNotShared = "REPRO407";

    /// <summary>A file a run read or wrote was hashed but not kept in the store (a full disk, a damaged configuration).</summary>
    public const string RunNotCached = "REPRO410";
    public const string ToolInputMissing = "REPRO501";
    public const string ToolInputNotManifest = "REPRO502";
    public const string ToolSchemaUnsupported = "REPRO503";
    public const string ToolAssemblyWithoutManifest = "REPRO504";
    public const string ToolNoManifestFound = "REPRO505";
    public const string ToolProjectNotFound = "REPRO506";
    public const string ToolUsage = "REPRO507";
    public const string ToolOutputNotWritten = "REPRO508";
    public const string ToolRebuildCannotStart = "REPRO509";
    public const string ToolShareFailed = "REPRO520";
    public const string ToolCheckFailed = "REPRO521";
    public const string StoreConfigInvalid = "REPRO530";
    public const string StoreRemoteUnreachable = "REPRO531";
    public const string StoreAuthenticationFailed = "REPRO532";
    public const string StoreContainerMissing = "REPRO533";
    public const string StoreObjectCorrupt = "REPRO534";
    public const string StoreDataChanged = "REPRO535";
    public const string StoreObjectMissing = "REPRO536";
    public const string StoreNoFileList = "REPRO537";
    public const string ReproduceCannotStart = "REPRO540";
    public const string ReproduceDataMissing = "REPRO541";
    public const string ReproduceToolchainDiffers = "REPRO542";
    public const string ReproduceRunNotRecorded = "REPRO543";
    public const string ManifestNotWritten = "REPRO901";
    public const string UnexpectedFailure = "REPRO900";

    /// <summary>The page that explains a diagnostic and what to do about it.</summary>
    public static string HelpLink(string id) => $"https://github.com/repro-build/Repro.Build/blob/main/docs/diagnostics/{id}.md";
}
