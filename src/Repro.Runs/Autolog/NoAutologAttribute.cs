using System;

namespace Repro.Runs;

/// <summary>
/// Leaves the ML.NET and TorchSharp calls in a method, a type (with its nested types) or the whole assembly
/// (<c>[assembly: Repro.Runs.NoAutolog]</c>) as they are: the autolog generator intercepts none of them. To turn
/// autologging off for a project, set the MSBuild property <c>ReproAutolog</c> to false instead (docs/autolog.md).
/// </summary>
[AttributeUsage(
    AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor
        | AttributeTargets.Property,
    Inherited = false)]
public sealed class NoAutologAttribute : Attribute
{
}
