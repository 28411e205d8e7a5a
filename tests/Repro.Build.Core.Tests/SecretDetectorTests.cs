using Repro.Build.Security;

namespace Repro.Build.Core.Tests;

public sealed class SecretDetectorTests
{
    [Theory]
    [InlineData(".env", true)]
    [InlineData("config/.env.production", true)]
    [InlineData("keys/signing.pfx", true)]
    [InlineData("deploy/server.KEY", true)]
    [InlineData("home/.ssh/id_rsa", true)]
    [InlineData(@"sub\id_ed25519", true)]
    [InlineData(".npmrc", true)]
    [InlineData("src/Environment.cs", false)]
    [InlineData("data/keys.csv", false)]
    [InlineData("id_rsa.pub", false)]
    public void Recognizes_secret_file_names(string path, bool expected)
    {
        Assert.Equal(expected, SecretDetector.IsSecretFileName(path));
    }

    [Theory]
    [InlineData("token = ghp_abcdefghijklmnopqrstuvwxyz0123456789AB")]
    [InlineData("key: AKIAIOSFODNN7EXAMPLE")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----")]
    [InlineData("glpat-abcdefghijklmnopqrst")]
    [InlineData("HF=hf_abcdefghijklmnopqrstuvwxyzABCDEF")]
    public void Finds_token_shapes(string text)
    {
        Assert.True(SecretDetector.ContainsToken(text));
    }

    [Theory]
    [InlineData("var learningRate = 0.01;")]
    [InlineData("ghp_short")]
    [InlineData("-----BEGIN PUBLIC KEY-----")]
    public void Leaves_ordinary_text_alone(string text)
    {
        Assert.False(SecretDetector.ContainsToken(text));
    }

    [Theory]
    [InlineData("appsettings.Local.json", "{ \"Password\": \"hunter2\" }")]
    [InlineData("settings.jsonbak", "{\"Db\":{\"Pwd\":\"hunter2\"}}")]
    [InlineData("app.txt", "Server=db;Database=ml;User Id=sa;Password=hunter2;")]
    [InlineData("Program.cs", "var cs = \"Host=db;Pwd=hunter2\";")]
    [InlineData("train.yaml", "db_password: hunter2")]
    [InlineData(".env.sample", "export API_KEY=hunter2")]
    [InlineData("config", "[auth]\ntoken = hunter2")]
    [InlineData("Secrets.cs", "const string Password = \"hunter2\";")]
    [InlineData("client.py", "client = Client(api_key='hunter2')")]
    [InlineData("remote.txt", "https://user:hunter2@example.com/repo.git")]
    [InlineData("diff.patch", "+    \"ClientSecret\": \"hunter2\",")]
    public void Finds_secrets_in_config_code_and_patches(string path, string text)
    {
        Assert.True(SecretDetector.ContainsSecret(text, path));
        Assert.DoesNotContain("hunter2", SecretDetector.Redact(text, path));
    }

    [Theory]
    [InlineData("Program.cs", "var tokenizer = new Tokenizer(\"vocab.txt\");")]
    [InlineData("Program.cs", "var key = \"Label\"; options.Password = password;")]
    [InlineData("Program.cs", "string passwordColumn = row[\"password_hash_column\"]; Password = GetPassword();")]
    [InlineData("Trainer.cs", "var pipeline = mlContext.Transforms.Conversion.MapValueToKey(\"Label\", \"Key\");")]
    [InlineData("train.yaml", "max_tokens: 512\nauthor: Ada\npath: data/\npassword: ${DB_PASSWORD}")]
    [InlineData("appsettings.json", "{ \"Password\": \"\", \"ApiKey\": \"<redacted>\", \"Token\": \"%TOKEN%\" }")]
    [InlineData("README.md", "Set the password in the environment: export DB_PASSWORD=... (never commit it).")]
    [InlineData("Program.cs", "Console.WriteLine($\"Password={(ok ? 1 : 0)}\");")]
    public void Leaves_ordinary_code_placeholders_and_references_alone(string path, string text)
    {
        Assert.False(SecretDetector.ContainsSecret(text, path));
    }

    [Fact]
    public void Redacts_json_by_content_whatever_the_extension_and_keeps_the_settings()
    {
        var redacted = SecretDetector.Redact("{ \"lr\": 0.1, \"ConnectionStrings\": { \"Db\": \"Server=x;Password=hunter2;\" }, \"Url\": \"https://u:hunter2@h/x\" }", "settings.conf.bak");

        Assert.DoesNotContain("hunter2", redacted);
        Assert.Contains("\"lr\": 0.1", redacted);
        Assert.Contains("https://<redacted>@h/x", redacted);
    }
}
