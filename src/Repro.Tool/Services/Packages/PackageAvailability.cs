using System.Security.Cryptography;
using System.Text.Json;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Build.Security;

namespace Repro.Tool.Services;

/// <summary>
/// Is every recorded package still available, with the recorded content hash? Asks the source the package came from
/// first, then the sources of the user's NuGet configuration (package source mapping honoured), as NuGet itself reads
/// them. The content hash is computed as NuGet computes it (for a signed package, over the package without its
/// signature), so it compares like with like with the manifest's <c>sha512</c>. Offline, only the global packages
/// folder is consulted.
/// </summary>
public static class PackageAvailability
{
    private const int Parallelism = 8;

    public static async Task<IReadOnlyList<PackageCheck>> CheckAsync(ReproManifest manifest, string configurationRoot,
        IReadOnlyList<string> explicitSources, bool offline, CancellationToken cancellation)
    {
        var settings = Settings.LoadDefaultSettings(configurationRoot);
        var packages = manifest.Dependencies.Packages;
        if (offline)
        {
            var folder = SettingsUtility.GetGlobalPackagesFolder(settings);
            return packages.Select(p => CheckOffline(p, folder)).ToList();
        }

        var configured = explicitSources.Count > 0
            ? explicitSources.Select((s, i) => new PackageSource(Path.IsPathRooted(s) || Directory.Exists(s) ? Path.GetFullPath(s) : s, "source" + i)).ToList()
            : PackageSourceProvider.LoadPackageSources(settings).Where(s => s.IsEnabled).ToList();
        var mapping = explicitSources.Count > 0 ? null : PackageSourceMapping.GetPackageSourceMapping(settings);
        var repositories = new Dictionary<string, SourceRepository>(StringComparer.OrdinalIgnoreCase);
        SourceRepository Repository(PackageSource source)
        {
            lock (repositories)
            {
                if (!repositories.TryGetValue(source.Source, out var repository))
                {
                    repository = NuGet.Protocol.Core.Types.Repository.Factory.GetCoreV3(source);
                    repositories[source.Source] = repository;
                }

                return repository;
            }
        }

        using var cache = new SourceCacheContext { NoCache = true, DirectDownload = true };
        using var gate = new SemaphoreSlim(Parallelism);
        var tasks = packages.Select(async package =>
        {
            await gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                return await CheckOnlineAsync(package, Candidates(package, configured, mapping).Select(Repository).ToList(), cache,
                    cancellation).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        });
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>The recorded source first (when configured, or a folder that exists), then the others the mapping allows.</summary>
    private static IEnumerable<PackageSource> Candidates(PackageEntry package, List<PackageSource> configured, PackageSourceMapping? mapping)
    {
        var allowed = mapping is { IsEnabled: true }
            ? configured.Where(s => mapping.GetConfiguredPackageSources(package.Id).Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList()
            : configured;
        var recorded = package.Source is { Length: > 0 } source
            ? allowed.FirstOrDefault(s => SameSource(s.Source, source))
                ?? (Directory.Exists(source) && mapping is not { IsEnabled: true } ? new PackageSource(source, "recorded") : null)
            : null;
        if (recorded is not null)
        {
            yield return recorded;
        }

        foreach (var other in allowed.Where(s => !ReferenceEquals(s, recorded)))
        {
            yield return other;
        }
    }

    private static bool SameSource(string configured, string recorded) =>
        string.Equals(UrlSanitizer.Sanitize(configured).TrimEnd('/'), recorded.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static async Task<PackageCheck> CheckOnlineAsync(PackageEntry package, List<SourceRepository> sources, SourceCacheContext cache,
        CancellationToken cancellation)
    {
        if (!NuGetVersion.TryParse(package.Version, out var version))
        {
            return new PackageCheck(package.Id, package.Version, PackageStatus.Missing, null, package.Sha512, null,
                "the recorded version is not a NuGet version");
        }

        var problems = new List<string>();
        foreach (var source in sources)
        {
            var name = UrlSanitizer.Sanitize(source.PackageSource.Source);
            try
            {
                var finder = await source.GetResourceAsync<FindPackageByIdResource>(cancellation).ConfigureAwait(false);
                using var nupkg = new MemoryStream();
                if (finder is null || !await finder.CopyNupkgToStreamAsync(package.Id, version, nupkg, cache, NullLogger.Instance,
                    cancellation).ConfigureAwait(false))
                {
                    continue;
                }

                var hash = ContentHash(nupkg, cancellation);
                var same = package.Sha512 is null || string.Equals(hash, package.Sha512, StringComparison.Ordinal);
                var check = new PackageCheck(package.Id, package.Version, same ? PackageStatus.Available : PackageStatus.HashMismatch, name,
                    package.Sha512, hash,
                    same ? null : "the source serves other content under this id and version than the build restored");
                await AddMetadataAsync(check, source, new PackageIdentity(package.Id, version), cache, cancellation).ConfigureAwait(false);
                return check;
            }
            catch (Exception ex) when (ex is FatalProtocolException or IOException or InvalidDataException
                or System.Net.Http.HttpRequestException or UnauthorizedAccessException)
            {
                problems.Add($"{name}: {ex.Message.Split('\n')[0].Trim()}");
            }
        }

        return new PackageCheck(package.Id, package.Version, PackageStatus.Missing, null, package.Sha512, null,
            sources.Count == 0 ? "no configured source may serve it (package source mapping)" : problems.Count > 0 ? string.Join("; ", problems)
                : $"not in {sources.Count} source(s)");
    }

    /// <summary>NuGet's content hash: for a signed package, of the package without its signature file.</summary>
    private static string ContentHash(MemoryStream nupkg, CancellationToken cancellation)
    {
        nupkg.Position = 0;
        using var reader = new PackageArchiveReader(nupkg, leaveStreamOpen: true);
        return reader.GetContentHash(cancellation, () =>
        {
            using var sha = SHA512.Create();
            return Convert.ToBase64String(sha.ComputeHash(nupkg.ToArray()));
        });
    }

    private static async Task AddMetadataAsync(PackageCheck check, SourceRepository source, PackageIdentity identity, SourceCacheContext cache,
        CancellationToken cancellation)
    {
        try
        {
            var resource = await source.GetResourceAsync<PackageMetadataResource>(cancellation).ConfigureAwait(false);
            var metadata = resource is null ? null : await resource.GetMetadataAsync(identity, cache, NullLogger.Instance, cancellation).ConfigureAwait(false);
            if (metadata is null)
            {
                return;
            }

            check.Listed = metadata.IsListed;
            if (await metadata.GetDeprecationMetadataAsync().ConfigureAwait(false) is { } deprecation)
            {
                check.Deprecation = string.Join(", ", deprecation.Reasons ?? Array.Empty<string>()) + (deprecation.Message is { Length: > 0 } message
                    ? ": " + message : "");
            }

            foreach (var vulnerability in metadata.Vulnerabilities ?? Array.Empty<PackageVulnerabilityMetadata>())
            {
                check.Vulnerabilities.Add($"{Severity(vulnerability.Severity)} {vulnerability.AdvisoryUrl}");
            }
        }
        catch (Exception ex) when (ex is FatalProtocolException or IOException or System.Net.Http.HttpRequestException)
        {
            // Listing, deprecation and vulnerabilities are extras: the availability verdict stands without them.
        }
    }

    private static string Severity(int severity) => severity switch
    {
        0 => "low",
        1 => "moderate",
        2 => "high",
        3 => "critical",
        _ => "unknown",
    };

    private static PackageCheck CheckOffline(PackageEntry package, string globalPackagesFolder)
    {
        var metadataPath = Path.Combine(globalPackagesFolder, package.Id.ToLowerInvariant(), package.Version.ToLowerInvariant(), ".nupkg.metadata");
        try
        {
            if (FileProbe.Inspect(metadataPath) == FileKind.Regular)
            {
                using var document = JsonDocument.Parse(FileProbe.ReadAllBytes(metadataPath, 1024 * 1024));
                if (document.RootElement.TryGetProperty("contentHash", out var hash) && hash.GetString() is { } contentHash)
                {
                    var same = package.Sha512 is null || contentHash == package.Sha512;
                    return new PackageCheck(package.Id, package.Version, same ? PackageStatus.Available : PackageStatus.HashMismatch,
                        "global packages folder", package.Sha512, contentHash,
                        "offline: checked in the global packages folder only, not against a source");
                }
            }
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return new PackageCheck(package.Id, package.Version, PackageStatus.NotVerified, null, package.Sha512, null,
                "offline, and its entry in the global packages folder is unreadable: " + ex.Message.Split('\n')[0]);
        }

        return new PackageCheck(package.Id, package.Version, PackageStatus.NotVerified, null, package.Sha512, null,
            "offline, and not in the global packages folder: not verified");
    }
}
