namespace Repro.Runs.Generators;

/// <summary>What an intercepted call records (docs/autolog.md has the table).</summary>
internal enum HookKind
{
    /// <summary>An ML.NET trainer created on a catalog's <c>Trainers</c>: its name and options as parameters.</summary>
    TrainerCreate,

    /// <summary><c>IEstimator&lt;T&gt;.Fit</c>: a step with its duration.</summary>
    Fit,

    /// <summary>A catalog's <c>Evaluate</c>: every numeric metric of the result.</summary>
    Evaluate,

    /// <summary>A catalog's <c>CrossValidate</c>: its settings as parameters, every metric per fold.</summary>
    CrossValidate,

    /// <summary><c>DataOperationsCatalog.TrainTestSplit</c>: fraction and seed.</summary>
    TrainTestSplit,

    /// <summary><c>ModelOperationsCatalog.Save</c> to a path, or TorchSharp's <c>Module.save</c> to a path: an output.</summary>
    SaveToPath,

    /// <summary><c>torch.manual_seed</c>, <c>torch.random.manual_seed</c>: a seed.</summary>
    TorchSeed,

    /// <summary>An optimizer of <c>torch.optim</c>: its type and settings as parameters.</summary>
    OptimizerCreate,

    /// <summary>A learning-rate scheduler's <c>step</c>: the learning rate as a metric.</summary>
    SchedulerStep,
}
