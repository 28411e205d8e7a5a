using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using Repro.Build.Ci;
using Repro.Build.Manifest;
using Repro.Build.Security;

namespace Repro.Build.Machine;

/// <summary>
/// The environment section, the same for a build (the MSBuild task) and a run (Repro.Runs in the training process):
/// machine facts from <see cref="MachineProbe"/>, culture, time zone, CI, and the allow-listed variables, redacted.
/// </summary>
public static class EnvironmentCapture
{
    /// <param name="variables">The process's environment variables (name → value).</param>
    /// <param name="extraVariableNames">Names or prefixes (ending in '*') recorded beside the default allowlist.</param>
    /// <param name="dotnetRoot">The dotnet installation whose shared runtimes are listed; null lists none.</param>
    /// <param name="recordHost">Record the machine and user names (opt-in).</param>
    public static EnvironmentSection Capture(IDictionary variables, IEnumerable<string> extraVariableNames, string? dotnetRoot, bool recordHost)
    {
        var machine = MachineProbe.Current;
        var ci = CiDetector.Detect(name => variables[name] as string);
        return new EnvironmentSection
        {
            Os = machine.Os,
            Cpu = machine.Cpu,
            MemoryBytes = machine.MemoryBytes,
            Locale = CultureInfo.CurrentCulture.Name.Length == 0 ? "invariant" : CultureInfo.CurrentCulture.Name,
            TimeZone = TimeZoneInfo.Local.Id,
            DotnetRuntimes = MachineProbe.DotnetRuntimes(dotnetRoot),
            Container = machine.Container,
            Ci = ci is null
                ? null
                : new CiRunSection { Provider = ci.Provider, RunId = ci.RunId, Url = ci.RunUrl is null ? null : UrlSanitizer.Sanitize(ci.RunUrl) },
            Gpus = machine.Gpu.Gpus,
            CudaDriverVersion = machine.Gpu.CudaDriverVersion,
            CudaToolkitVersion = machine.Gpu.CudaToolkitVersion,
            CudnnVersion = machine.Gpu.CudnnVersion,
            Variables = EnvironmentVariables.Select(variables, extraVariableNames),
            Host = recordHost ? Environment.MachineName : null,
            User = recordHost ? Environment.UserName : null,
        };
    }
}
