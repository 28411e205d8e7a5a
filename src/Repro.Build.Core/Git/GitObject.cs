namespace Repro.Build.Git;

public sealed class GitObject
{
    public GitObject(GitObjectType type, byte[] content)
    {
        Type = type;
        Content = content;
    }

    public GitObjectType Type { get; }

    public byte[] Content { get; }
}
