namespace Repro.Tool.Services;

/// <summary>An object a remote holds: its hash (its key) and its size there.</summary>
internal readonly record struct RemoteObject(string Sha256, long Size);
