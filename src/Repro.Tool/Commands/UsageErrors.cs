using System.CommandLine;
using System.CommandLine.Parsing;

namespace Repro.Tool.Commands;

/// <summary>
/// One line for what the parser refused, in the user's words: the option or command named, what was expected, the
/// nearest valid name when one is close; never a .NET type name or the parser's internals.
/// </summary>
internal static class UsageErrors
{
    public static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        // The token the user mistyped is the cause; "Required command was not provided" and the like are its echoes. An
        // unknown option where an argument may stand is taken for the argument's value: it is the mistyped token too.
        var optionLike = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens)
            .Select(t => t.Value).FirstOrDefault(v => v.StartsWith("--", StringComparison.Ordinal) && v.Length > 2);
        if ((optionLike ?? parse.UnmatchedTokens.FirstOrDefault()) is { } token)
        {
            if (token.StartsWith("-", StringComparison.Ordinal))
            {
                var names = command.Options.Concat(parse.RootCommandResult.Command.Options.Where(o => o.Recursive))
                    .Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct();
                return $"'{token}' is not an option of '{path}'{Suggest(token, names)}. '{path} --help' lists its options.";
            }

            if (command.Subcommands.Count > 0 && !command.Arguments.Any())
            {
                return $"'{token}' is not a command of '{path}'{Suggest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}. " +
                    $"'{path} --help' lists them.";
            }

            return $"'{token}' is one argument too many for '{path}'. '{path} --help' shows what it takes.";
        }

        if (parse.Errors.Count == 0)
        {
            return $"'{path}' cannot run as given: '{path} --help' shows what it takes.";
        }

        var error = parse.Errors[0];
        switch (error.SymbolResult)
        {
            case OptionResult option when option.Tokens.Count == 0 && option.Option.Arity.MinimumNumberOfValues > 0:
                return $"{option.Option.Name} needs a value: {option.Option.Description}";
            case OptionResult option when option.Tokens.Count > 0 && option.Option.ValueType is var type && Expected(type) is { } expected:
                return $"{option.Option.Name} '{option.Tokens[0].Value}' is not {expected}.";
            case ArgumentResult argument when argument.Tokens.Count > 0 && Expected(argument.Argument.ValueType) is { } expected
                && argument.Parent is not OptionResult:
                return $"<{argument.Argument.Name}> '{argument.Tokens[0].Value}' is not {expected}.";
            case ArgumentResult { Tokens.Count: 0 } argument when argument.Parent is CommandResult:
                return $"'{path}' needs <{argument.Argument.Name}>: {argument.Argument.Description}";
            case CommandResult result when result.Command.Arguments.FirstOrDefault(a => a.Arity.MinimumNumberOfValues > 0
                && result.GetResult(a) is not { Tokens.Count: > 0 }) is { } missing:
                return $"'{path}' needs <{missing.Name}>: {missing.Description}";
            case CommandResult result when result.Command.Subcommands.Count > 0 && result.Tokens.Count == 0 && !result.Command.Arguments.Any():
                return $"'{path}' needs a command: '{path} --help' lists them.";
        }

        // The parser's own sentences (a missing argument, a value out of a set) name the option already.
        return error.Message + $" ('{path} --help' shows what it takes)";
    }

    private static string? Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            type = type.GetElementType()!;
        }

        return type == typeof(int) || type == typeof(long) ? "a whole number"
            : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? "a number"
            : type == typeof(bool) ? "true or false"
            : type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()))
            : null;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? at = result; at is CommandResult command; at = at.Parent)
        {
            names.Insert(0, command.Parent is null ? "dotnet repro" : command.Command.Name);
        }

        return string.Join(" ", names);
    }

    private static string Suggest(string typed, IEnumerable<string> names)
    {
        var bare = typed.TrimStart('-');
        var allowed = bare.Length <= 3 ? 1 : 2 + bare.Length / 8;
        // Long names only: '-o' is not "near" '-?'.
        var best = names.Where(n => n.TrimStart('-').Length > 1).Select(n => (Name: n, Distance: Distance(bare, n.TrimStart('-'))))
            .Where(c => c.Distance <= allowed || (bare.Length > 1 && c.Name.TrimStart('-').StartsWith(bare, StringComparison.Ordinal)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is null ? "" : $" (did you mean '{best.Name}'?)";
    }

    // Levenshtein distance: a name one or two keystrokes off is the one meant.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
