using System.Collections.Generic;
using Repro.Build.Security;

namespace Repro.Runs;

/// <summary>The command line as the record keeps it: secret-looking arguments, and the values of secret-named options, redacted.</summary>
internal static class CommandLine
{
    public static List<string> Redacted(string[] arguments)
    {
        var result = new List<string>(arguments.Length);
        var redactNext = false;
        foreach (var argument in arguments)
        {
            if (redactNext && !IsOption(argument))
            {
                result.Add(SecretDetector.Redacted);
                redactNext = false;
                continue;
            }

            redactNext = false;
            if (IsOption(argument))
            {
                var separator = argument.IndexOfAny(new[] { '=', ':' });
                var name = (separator < 0 ? argument : argument.Substring(0, separator)).TrimStart('-', '/');
                if (SecretDetector.IsSecretName(name))
                {
                    if (separator < 0)
                    {
                        result.Add(argument);
                        redactNext = true;
                    }
                    else
                    {
                        result.Add(argument.Substring(0, separator + 1) + SecretDetector.Redacted);
                    }

                    continue;
                }
            }

            result.Add(SecretDetector.RedactInline(argument));
        }

        return result;
    }

    private static bool IsOption(string argument) =>
        argument.Length > 1 && (argument[0] == '-' || (argument[0] == '/' && argument.IndexOf('/', 1) < 0 && argument.IndexOf(':') > 0));
}
