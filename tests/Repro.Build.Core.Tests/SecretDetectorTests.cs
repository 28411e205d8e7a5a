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
}
