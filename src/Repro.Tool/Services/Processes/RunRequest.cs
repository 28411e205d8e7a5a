namespace Repro.Tool.Services;

/// <summary>What <c>dotnet repro run</c> was asked to record.</summary>
public sealed class RunRequest
{
    public RunRequest(IReadOnlyList<string> command, string? name, string? assembly, string? projectDirectory, IReadOnlyList<string> inputs,
        IReadOnlyList<string> outputs, string? runsDirectory)
    {
        Command = command;
        Name = name;
        Assembly = assembly;
        ProjectDirectory = projectDirectory;
        Inputs = inputs;
        Outputs = outputs;
        RunsDirectory = runsDirectory;
    }

    public IReadOnlyList<string> Command { get; }

    public string? Name { get; }

    public string? Assembly { get; }

    public string? ProjectDirectory { get; }

    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    public string? RunsDirectory { get; }
}
