namespace Repro.Tool.Services;

/// <summary>A remote's failure in the user's words (what and what to do), with its kind; the SDK's exception is inner.</summary>
internal sealed class RemoteException : Exception
{
    public RemoteException(RemoteFailure failure, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    public RemoteFailure Failure { get; }

    /// <summary>True when trying again may help.</summary>
    public bool IsTransient => Failure is RemoteFailure.Transient or RemoteFailure.Unreachable;
}
