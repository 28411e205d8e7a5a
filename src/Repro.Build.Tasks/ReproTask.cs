using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Repro.Build.Tasks;

/// <summary>
/// The base of the package's tasks: <see cref="ITask"/> implemented here rather than inherited from MSBuild's
/// <see cref="Task"/>. A class whose base lives in another assembly has a field layout that assembly decides, so the
/// runtime refuses the ahead-of-time (ReadyToRun) code of all its methods and JIT-compiles them on every build; with
/// the base here, the tasks' own code is precompiled like the rest.
/// </summary>
public abstract class ReproTask : ITask
{
    private TaskLoggingHelper? _log;

    public IBuildEngine? BuildEngine { get; set; }

    public ITaskHost? HostObject { get; set; }

    /// <summary>MSBuild's logging helper for this task.</summary>
    protected TaskLoggingHelper Log => _log ??= new TaskLoggingHelper(this);

    public abstract bool Execute();
}
