using System.Collections;
using System.Collections.Generic;
using Repro.Build.Machine;
using Repro.Build.Security;

namespace Repro.Build.Core.Tests;

public sealed class EnvironmentAndSettingsTests
{
    [Fact]
    public void Only_allowlisted_variables_are_recorded_and_secrets_are_redacted()
    {
        var environment = new Hashtable
        {
            ["OMP_NUM_THREADS"] = "4",
            ["CUDA_VISIBLE_DEVICES"] = "0,1",
            ["DOTNET_gcServer"] = "1",
            ["HOME"] = "/home/alice",
            ["GITHUB_TOKEN"] = "ghs_notrecordedanyway",
            ["CUDA_API_KEY"] = "k",
            ["DOTNET_SOMETHING"] = "ghp_abcdefghijklmnopqrstuvwxyz0123456789AB",
            ["MY_EXPERIMENT"] = "baseline",
            ["MY_EXPERIMENT_PASSWORD"] = "hunter2",
            ["PATH"] = "/usr/bin",
            ["TORCH_DB"] = "Server=db;Password=hunter2;Database=runs",
            ["TORCH_HUB"] = "https://alice:s3cr3t@hub.example/models",
            ["TORCH_HOME"] = "user@host:/models",
        };

        var selected = EnvironmentVariables.Select(environment, new[] { "MY_EXPERIMENT", "MY_EXPERIMENT_PASSWORD" });

        Assert.Equal(new Dictionary<string, string>
        {
            ["CUDA_API_KEY"] = "<redacted>",
            ["CUDA_VISIBLE_DEVICES"] = "0,1",
            ["DOTNET_SOMETHING"] = "<redacted>",
            ["DOTNET_gcServer"] = "1",
            ["MY_EXPERIMENT"] = "baseline",
            ["MY_EXPERIMENT_PASSWORD"] = "<redacted>",
            ["OMP_NUM_THREADS"] = "4",
            ["TORCH_DB"] = "Server=db;Password=<redacted>;Database=runs",
            ["TORCH_HOME"] = "user@host:/models",
            ["TORCH_HUB"] = "https://<redacted>@hub.example/models",
        }, selected);
    }

    [Theory]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("AWS_SECRET_ACCESS_KEY", true)]
    [InlineData("OPENAI_APIKEY", true)]
    [InlineData("DB_PWD", true)]
    [InlineData("AZURE_PAT", true)]
    [InlineData("PATH", false)]
    [InlineData("OMP_NUM_THREADS", false)]
    [InlineData("CUDA_VISIBLE_DEVICES", false)]
    public void Recognizes_secret_variable_names(string name, bool secret)
    {
        Assert.Equal(secret, EnvironmentVariables.IsSecretName(name));
    }

    [Fact]
    public void Json_config_keeps_its_settings_and_loses_its_secrets()
    {
        var redacted = SecretDetector.Redact("""
            { "learningRate": 0.1, "epochs": 20, "apiKey": "abc", "db": { "password": "p", "host": "h" },
              "note": "token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB here" }
            """, "config.json");

        Assert.Contains("\"learningRate\": 0.1", redacted);
        Assert.Contains("\"host\": \"h\"", redacted);
        Assert.DoesNotContain("abc", redacted);
        Assert.DoesNotContain("\"p\"", redacted);
        Assert.DoesNotContain("ghp_", redacted);
        Assert.Contains("\"apiKey\": \"<redacted>\"", redacted);
    }

    [Fact]
    public void Yaml_and_ini_config_lose_secret_values_line_by_line()
    {
        var redacted = SecretDetector.Redact("lr: 0.01\napi_key: sk-live-123\n[db]\npassword = hunter2\nbatch = 32\n", "config.ini");

        Assert.Equal("lr: 0.01\napi_key: <redacted>\n[db]\npassword = <redacted>\nbatch = 32\n", redacted);
    }

    [Fact]
    public void Machine_probe_never_throws_and_fills_the_basics()
    {
        var probe = MachineProbe.Probe(() => throw new System.InvalidOperationException("no GPU tool"));

        Assert.True(probe.Cpu.LogicalCores > 0);
        Assert.NotNull(probe.Os.Description);
        Assert.Empty(probe.Gpu.Gpus);
    }
}
