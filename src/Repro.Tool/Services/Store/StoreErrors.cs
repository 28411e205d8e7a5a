using Repro.Build;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>A remote's failure as the one line the tool prints, with its REPRO53x code.</summary>
internal static class StoreErrors
{
    public static ToolInputException ToInput(RemoteException ex) => new(ex.Failure switch
    {
        RemoteFailure.Authentication => DiagnosticIds.StoreAuthenticationFailed,
        RemoteFailure.ContainerMissing => DiagnosticIds.StoreContainerMissing,
        RemoteFailure.ObjectMissing => DiagnosticIds.StoreObjectMissing,
        _ => DiagnosticIds.StoreRemoteUnreachable,
    }, ex.Message, ex);
}
