namespace Repro.Build.Analyzers;

/// <summary>
/// The APIs whose values differ from run to run (clocks, entropy, GUIDs), resolved once per compilation (see
/// <see cref="WellKnownTypes.Clocks"/>), and a search for them in an expression, following a local to its single assignment.
/// </summary>
internal sealed class NondeterministicSources
{
    private readonly ISymbol[] _members;

    private NondeterministicSources(ISymbol[] members)
    {
        _members = members;
    }

    public static NondeterministicSources Create(Compilation compilation)
    {
        ISymbol[] Members(string type, params string[] names) =>
            compilation.GetTypeByMetadataName(type) is { } symbol
                ? names.SelectMany(name => symbol.GetMembers(name)).ToArray()
                : System.Array.Empty<ISymbol>();

        return new NondeterministicSources(
            Members("System.Environment", "TickCount", "TickCount64", "ProcessId")
                .Concat(Members("System.DateTime", "Now", "UtcNow", "Today"))
                .Concat(Members("System.DateTimeOffset", "Now", "UtcNow"))
                .Concat(Members("System.Diagnostics.Stopwatch", "GetTimestamp"))
                .Concat(Members("System.Guid", "NewGuid"))
                .Concat(Members("System.Security.Cryptography.RandomNumberGenerator", "GetInt32", "GetBytes", "Fill"))
                .ToArray());
    }

    /// <summary>The first clock or entropy API the value comes from, or null.</summary>
    public ISymbol? FindIn(IOperation value, int depth = 0)
    {
        if (depth > 3)
        {
            return null;
        }

        foreach (var operation in value.DescendantsAndSelf())
        {
            var member = operation switch
            {
                IPropertyReferenceOperation property => (ISymbol)property.Property,
                IInvocationOperation invocation => invocation.TargetMethod,
                _ => null,
            };
            if (member is not null && _members.Any(m => SymbolEqualityComparer.Default.Equals(m, member.OriginalDefinition)))
            {
                return member;
            }

            if (operation is ILocalReferenceOperation local && SingleAssignment(local) is { } assigned && FindIn(assigned, depth + 1) is { } viaLocal)
            {
                return viaLocal;
            }
        }

        return null;
    }

    /// <summary>The initializer of a local that is never assigned again, or null.</summary>
    private static IOperation? SingleAssignment(ILocalReferenceOperation reference) =>
        // Assigned again (=, +=, ??=…): what the seed holds depends on the path taken.
        OperationHelpers.InitialValue(reference.Local, reference) is { } value && !OperationHelpers.IsReassigned(reference.Local, reference)
            ? value
            : null;
}
