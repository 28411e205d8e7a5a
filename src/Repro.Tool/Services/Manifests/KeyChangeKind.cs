namespace Repro.Tool.Services;

public enum KeyChangeKind
{
    Unchanged,
    Changed,
    Added,
    Removed,
}
