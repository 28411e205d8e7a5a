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

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("ASIAY34FZKBOKMUTVV7A")]
    [InlineData("AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("sv=2022-11-02&ss=b&sp=rl&se=2027-01-01T00:00:00Z&sig=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo%3D")]
    [InlineData("https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2Rl")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo=")]
    [InlineData("acct.blob.core.windows.net L1ZU2n6bq3wVh5Yq0a9O1oNqH4xN8mIYyXJeWv8sQd0w5Gf6rPzKtHcA2uEoLbMiSjTgVkRyDnBmCxFaZp7h3Q==")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----")]
    [InlineData("ghp_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("gho_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("ghs_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("github_pat_11ABCDEFG0abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ")]
    [InlineData("xoxb-123456789012-abcdefghijklmnop")]
    [InlineData("xoxp-123456789012-abcdefghijklmnop")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U")]
    public void Finds_secret_values_by_their_shape_and_redacts_them_inline(string value)
    {
        Assert.True(SecretDetector.ContainsSecret(value, "values.txt"));
        var redacted = SecretDetector.RedactInline(value);
        Assert.Contains(SecretDetector.Redacted, redacted, System.StringComparison.Ordinal);
        Assert.False(SecretDetector.ContainsSecret(redacted, "values.txt"), redacted);
    }

    [Fact]
    public void A_private_key_is_redacted_with_its_body_in_text_in_json_and_in_a_patch()
    {
        const string Body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
        Assert.DoesNotContain(Body, SecretDetector.RedactInline($"-----BEGIN PRIVATE KEY-----\n{Body}\n{Body}\n-----END PRIVATE KEY-----\n"), System.StringComparison.Ordinal);
        Assert.DoesNotContain(Body, SecretDetector.RedactInline($"-----BEGIN RSA PRIVATE KEY-----\\n{Body}\\n-----END RSA PRIVATE KEY-----\\n"), System.StringComparison.Ordinal);
        Assert.DoesNotContain(Body, SecretDetector.Redact($"+-----BEGIN PRIVATE KEY-----\n+{Body}\n+-----END PRIVATE KEY-----\n", "key.txt"), System.StringComparison.Ordinal);
        Assert.Equal("a <redacted> b", SecretDetector.RedactInline($"a -----BEGIN PRIVATE KEY-----\n{Body}\n-----END PRIVATE KEY----- b"));
    }

    [Theory]
    [InlineData("4b825dc642cb6eb9a060e54bf8d69288fbee4904")]                                         // git SHA-1
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]                 // SHA-256
    [InlineData("sha512-L1ZU2n6bq3wVh5Yq0a9O1oNqH4xN8mIYyXJeWv8sQd0w5Gf6rPzKtHcA2uEoLbMiSjTgVkRyDnBmCxFaZp7h3Q==")] // NuGet content hash
    [InlineData("L1ZU2n6bq3wVh5Yq0a9O1oNqH4xN8mIYyXJeWv8sQd0w5Gf6rPzKtHcA2uEoLbMiSjTgVkRyDnBmCxFaZp7h3Q==")]
    [InlineData("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]                                         // 40 characters alone could be anything
    [InlineData("dGVzdA==")]                                                                           // base64 of a short thing
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]                                               // GUID
    [InlineData("{0F8FAD5B-D9CB-469F-A165-70867728950E}")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9")]                                                               // one base64 JSON object is not a token
    [InlineData("https://example.com/img.png?sig=abc")]                                                // sig= without a SAS around it
    [InlineData("ASIAN MARKETS 2026")]
    [InlineData("xoxo-hugs")]
    public void Leaves_hashes_ids_and_short_values_alone(string value)
    {
        Assert.False(SecretDetector.ContainsToken(value));
        Assert.False(SecretDetector.ContainsSecret(value, "values.txt"));
        Assert.Equal(value, SecretDetector.RedactInline(value));
    }

    [Fact]
    public void An_aws_secret_key_is_recognized_by_its_shape_and_a_git_sha_is_not()
    {
        Assert.True(SecretDetector.IsAwsSecretKeyShape("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        Assert.False(SecretDetector.IsAwsSecretKeyShape("4b825dc642cb6eb9a060e54bf8d69288fbee4904"));
        Assert.False(SecretDetector.IsAwsSecretKeyShape("4B825DC642CB6EB9A060E54BF8D69288FBEE4904"));
        Assert.True(SecretDetector.ContainsAwsAccessKeyId("key AKIAIOSFODNN7EXAMPLE"));
        Assert.False(SecretDetector.ContainsAwsAccessKeyId("ASIAN MARKETS"));
        Assert.Equal("<redacted> 4b825dc642cb6eb9a060e54bf8d69288fbee4904", SecretDetector.RedactInline("AKIAIOSFODNN7EXAMPLE 4b825dc642cb6eb9a060e54bf8d69288fbee4904"));
    }
}
