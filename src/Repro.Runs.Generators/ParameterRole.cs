namespace Repro.Runs.Generators;

/// <summary>What an intercepted call's argument becomes in the run.</summary>
internal enum ParameterRole
{
    /// <summary>Passed on, not recorded (data views, estimators, model parameters).</summary>
    None,

    /// <summary>A number, flag, text or enum: a parameter.</summary>
    Scalar,

    /// <summary>An options object: its public fields and properties as parameters.</summary>
    Options,

    /// <summary>A seed: a parameter and one of the run's seeds.</summary>
    Seed,

    /// <summary>The path of a file the call writes: an output.</summary>
    OutputPath,
}
