using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>One row of <see cref="RunIndex"/>: a run's summary and annotations, or why its summary could not be read.</summary>
public sealed record IndexedRun(string Id, RunSummary? Summary, RunAnnotations? Annotations, string? Failure);
