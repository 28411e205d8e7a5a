namespace Repro.Tool.Services;

/// <summary>One way of running a command that must not change its results, and the environment that makes it.</summary>
public sealed class Variation
{
    public Variation(string description, IReadOnlyDictionary<string, string?> environment)
    {
        Description = description;
        Environment = environment;
    }

    public string Description { get; }

    public IReadOnlyDictionary<string, string?> Environment { get; }
}
