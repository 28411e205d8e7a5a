using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using Repro.Tool.Services;

namespace Repro.Tool.Tests.Store;

/// <summary>
/// The real storage servers the store's tests run against, started once for the collection on free ports: Azurite
/// (Microsoft's Azure Storage emulator, blob service only, in memory) and s3rver (an S3-compatible server), both from
/// tests/servers (npm ci from its lock file when node_modules is missing). Killed with their process trees at the end.
/// </summary>
public sealed class StoreServers : IDisposable
{
    /// <summary>The account Azurite serves, with a key made for this run (AZURITE_ACCOUNTS): no well-known key in the tests.</summary>
    public const string AzureAccount = "reproaccount";

    /// <summary>s3rver's one pair of credentials.</summary>
    public const string S3Key = "S3RVER";

    private readonly List<Process> _processes = [];
    private readonly string _s3Directory = Path.Combine(Path.GetTempPath(), "repro-s3rver-" + Guid.NewGuid().ToString("N"));

    public StoreServers()
    {
        var node = NodePath() ?? throw new InvalidOperationException(
            "node is not on PATH: the store's tests need it for Azurite and s3rver (.ci/run installs nodejs and npm from Debian).");
        var servers = Path.Combine(RepositoryRoot(), "tests", "servers");
        if (!Directory.Exists(Path.Combine(servers, "node_modules", "azurite")) || !Directory.Exists(Path.Combine(servers, "node_modules", "s3rver")))
        {
            Run(NpmPath(node), "ci --no-audit --no-fund", servers, TimeSpan.FromMinutes(10));
        }

        AzureKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var azurePort = FreePort();
        var azurite = Start(node, servers, new[]
        {
            Path.Combine("node_modules", "azurite", "dist", "src", "blob", "main.js"),
            "--blobHost", "127.0.0.1", "--blobPort", azurePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
        }, new Dictionary<string, string> { ["AZURITE_ACCOUNTS"] = AzureAccount + ":" + AzureKey });
        AzureBlobEndpoint = $"http://127.0.0.1:{azurePort}/{AzureAccount}";

        Directory.CreateDirectory(_s3Directory);
        var s3Port = FreePort();
        // s3rver makes the continuation tokens of a listing with DES, which OpenSSL 3 keeps in its legacy provider: without
        // it, any listing longer than one page fails with 500.
        Start(node, servers, new[]
        {
            "--openssl-legacy-provider",
            Path.Combine("node_modules", "s3rver", "bin", "s3rver.js"),
            "--address", "127.0.0.1", "--port", s3Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--directory", _s3Directory, "--silent",
        }, []);
        S3Endpoint = $"http://127.0.0.1:{s3Port}";

        WaitUntilAnswering(AzureBlobEndpoint, azurite);
        WaitUntilAnswering(S3Endpoint, _processes[1]);

        // The SDKs' own chains find these, as they find a user's: the tool code under test reads no credential itself.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", S3Key);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", S3Key);
        Environment.SetEnvironmentVariable(AzureBlobRemote.ConnectionStringVariable, AzureConnectionString(AzureKey));
    }

    public string AzureKey { get; }

    public string AzureBlobEndpoint { get; }

    public string S3Endpoint { get; }

    /// <summary>s3rver's folder: what it stores, to corrupt an object behind its back.</summary>
    public string S3Directory => _s3Directory;

    /// <summary>Why the servers cannot start here (no node), or null when they can.</summary>
    public static string? Unavailable() => NodePath() is null
        ? "node is not installed: the store's server tests need node and npm (apt-get install nodejs npm; .ci/run does it on CI)"
        : null;

    /// <summary>
    /// Why a server test is skipped: node is missing on a developer's machine. Null on CI (<c>CI=true</c>), where the
    /// test runs and fails with the fixture's message, so that a CI machine without node cannot pass by skipping.
    /// </summary>
    public static string? SkipReason() =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? null : Unavailable();

    public string AzureConnectionString(string key) =>
        $"DefaultEndpointsProtocol=http;AccountName={AzureAccount};AccountKey={key};BlobEndpoint={AzureBlobEndpoint};";

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            Repro.Tool.Services.ProcessTree.Kill(process);
            process.Dispose();
        }

        try
        {
            Directory.Delete(_s3Directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string? NodePath()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? "node.exe" : "node");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string NpmPath(string node)
    {
        var beside = Path.Combine(Path.GetDirectoryName(node)!, OperatingSystem.IsWindows() ? "npm.cmd" : "npm");
        return File.Exists(beside) ? beside : "npm";
    }

    private Process Start(string node, string directory, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(node) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var pair in environment)
        {
            start.Environment[pair.Key] = pair.Value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    private static void Run(string file, string arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} in {directory} failed: {error.Result}");
        }
    }

    private static void WaitUntilAnswering(string url, Process process)
    {
        using var client = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server for {url} exited with code {process.ExitCode} before it answered.");
            }

            try
            {
                using var response = client.GetAsync(url).GetAwaiter().GetResult();
                return; // any HTTP answer: it listens
            }
            catch (Exception ex) when (ex is System.Net.Http.HttpRequestException or System.Threading.Tasks.TaskCanceledException)
            {
                Thread.Sleep(200);
            }
        }

        throw new InvalidOperationException($"The server for {url} did not answer within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Repro.Build.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Repro.Build.sln) was not found above the test assembly.");
    }
}
