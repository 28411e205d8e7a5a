namespace Repro.Runs.Sharing;

/// <summary>What a pull or push exchanged with a remote.</summary>
internal sealed class SyncResult
{
    public SyncResult(string remote, int newRuns, int updatedRuns, bool pushed)
    {
        Remote = remote;
        NewRuns = newRuns;
        UpdatedRuns = updatedRuns;
        Pushed = pushed;
    }

    public string Remote { get; }

    /// <summary>Runs that the local ref did not have before.</summary>
    public int NewRuns { get; }

    /// <summary>Runs the local ref had, with files that changed (a run that was running when last shared).</summary>
    public int UpdatedRuns { get; }

    /// <summary>True when the remote's ref was moved (it lacked some of the local runs).</summary>
    public bool Pushed { get; }
}
