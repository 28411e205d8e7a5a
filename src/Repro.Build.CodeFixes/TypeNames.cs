namespace Repro.Build.CodeFixes;

/// <summary>
/// The shortest name of a well-known type that binds to it at a position (<c>Array</c>, else <c>System.Array</c>, else
/// <c>global::System.Array</c>). Fixes write these names directly rather than relying on the simplifier, which leaves
/// qualified names in nested blocks and lambdas when a Fix All batches the changes.
/// </summary>
internal static class TypeNames
{
    public static string Shortest(SemanticModel model, int position, string metadataName)
    {
        var type = model.Compilation.GetTypeByMetadataName(metadataName);
        var lastDot = metadataName.LastIndexOf('.');
        var name = metadataName.Substring(lastDot + 1);
        var ns = metadataName.Substring(0, lastDot);
        if (type is null)
        {
            return "global::" + metadataName;
        }

        if (model.LookupNamespacesAndTypes(position, name: name).SingleOrDefault() is INamedTypeSymbol found && SymbolEqualityComparer.Default.Equals(found,
            type))
        {
            return name;
        }

        var root = ns.Split('.')[0];
        return model.LookupNamespacesAndTypes(position, name: root).SingleOrDefault() is INamespaceSymbol { ContainingNamespace.IsGlobalNamespace: true }
            ? metadataName
            : "global::" + metadataName;
    }
}
