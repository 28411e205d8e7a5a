namespace Repro.Build.IntegrationTests;

/// <summary>
/// A test that asks the package sources of this machine's own NuGet configuration over the network: it runs only when
/// <c>REPRO_TEST_PUBLIC_FEED=1</c>, and is reported as skipped, with the reason, otherwise (CI has no network).
/// </summary>
public sealed class PublicFeedFactAttribute : FactAttribute
{
    public const string Variable = "REPRO_TEST_PUBLIC_FEED";

    public PublicFeedFactAttribute()
    {
        if (System.Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Opt-in: set {Variable}=1 to check packages against the sources of this machine's NuGet configuration (needs network).";
        }
    }
}
