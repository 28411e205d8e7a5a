using System;
using System.Threading.Tasks;

namespace Repro.Build.Core.Tests;

public class UnexpectedFailureTests
{
    [Fact]
    public void The_line_names_the_type_the_first_line_of_the_message_and_the_method_of_ours_that_threw()
    {
        var exception = Catch(() => ThrowingMethod());

        Assert.Equal("InvalidOperationException: first line (in UnexpectedFailureTests.ThrowingMethod)", UnexpectedFailure.Describe(exception));
    }

    [Fact]
    public void An_aggregate_is_described_by_its_inner_failure_and_a_lambda_by_the_type_that_wrote_it()
    {
        var exception = Catch(() => Task.Run(() => throw new FormatException("bad")).Wait());

        Assert.StartsWith("FormatException: bad (in UnexpectedFailureTests.", UnexpectedFailure.Describe(exception), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_without_a_stack_of_ours_has_no_site()
    {
        Assert.Equal("NotSupportedException: never thrown", UnexpectedFailure.Describe(new NotSupportedException("never thrown")));
    }

    private static void ThrowingMethod() => throw new InvalidOperationException("first line\nsecond line");

    private static Exception Catch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new InvalidOperationException("nothing was thrown");
    }
}
