using System;
using System.IO;

namespace Repro.Runs.Tests;

/// <summary>What the run tests share: a fresh folder, and standard error captured (run-time warnings are printed there).</summary>
public abstract class CapturedStderrTests : IDisposable
{
    private readonly TextWriter _originalStderr = Console.Error;

    protected CapturedStderrTests()
    {
        Console.SetError(Stderr);
    }

    protected TemporaryDirectory Folder { get; } = new();

    protected StringWriter Stderr { get; } = new();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Console.SetError(_originalStderr);
            Folder.Dispose();
        }
    }
}
