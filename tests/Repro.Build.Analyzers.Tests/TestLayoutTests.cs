using System;
using System.Linq;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Repro.Build.Analyzers.Rules;
using Repro.Build.CodeFixes.Rules;

namespace Repro.Build.Analyzers.Tests;

/// <summary>Tests mirror the sources: <c>Rules/XAnalyzer.cs</c> ↔ <c>Rules/XAnalyzerTests.cs</c>, <c>Rules/XFixer.cs</c> ↔ <c>Rules/XFixerTests.cs</c>.</summary>
public sealed class TestLayoutTests
{
    [Fact]
    public void Every_analyzer_and_fixer_has_a_test_class_of_its_own_name()
    {
        var tested = typeof(UnseededRandomAnalyzer).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Concat(typeof(UnseededRandomFixer).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t)))
            .ToList();
        var testClasses = typeof(TestLayoutTests).Assembly.GetTypes()
            .Where(t => t.Namespace == "Repro.Build.Analyzers.Tests.Rules")
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(14, tested.Count(t => t.Name.EndsWith("Analyzer", StringComparison.Ordinal)));
        Assert.Empty(tested.Where(t => t.Namespace?.EndsWith(".Rules", StringComparison.Ordinal) != true).Select(t => t.FullName));
        var untested = tested.Select(t => t.Name + "Tests").Where(name => !testClasses.Contains(name)).ToList();
        var testingNothing = testClasses.Where(name => !tested.Any(t => t.Name + "Tests" == name)).ToList();
        Assert.Empty(untested);
        Assert.Empty(testingNothing);
    }
}
