using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;

namespace Repro.Build.CodeFixes;

/// <summary>
/// Fix All in document, project and solution for a fixer that registers one kind of action (one equivalence key). It
/// is the batch fixer, except that a host that asks without an equivalence key gets the fixer's own: <c>dotnet format
/// analyzers</c> takes the key from the first diagnostic's action, and when that diagnostic has no fix it asks with
/// none, which would fix nothing at all.
/// </summary>
internal sealed class ReproFixAllProvider : FixAllProvider
{
    private static readonly FixAllScope[] Scopes = { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    private readonly string _equivalenceKey;

    public ReproFixAllProvider(string equivalenceKey)
    {
        _equivalenceKey = equivalenceKey;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => Scopes;

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey is null)
        {
            var diagnostics = new ForwardingDiagnosticProvider(fixAllContext);
            fixAllContext = fixAllContext.Document is { } document
                ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, _equivalenceKey, fixAllContext.DiagnosticIds, diagnostics,
                    fixAllContext.CancellationToken)
                : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, _equivalenceKey, fixAllContext.DiagnosticIds,
                    diagnostics, fixAllContext.CancellationToken);
        }

        return WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext);
    }

    /// <summary>The host's diagnostics, unchanged.</summary>
    private sealed class ForwardingDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext _original;

        public ForwardingDiagnosticProvider(FixAllContext original)
        {
            _original = original;
        }

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            ToEnumerableAsync(_original.GetDocumentDiagnosticsAsync(document));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            ToEnumerableAsync(_original.GetProjectDiagnosticsAsync(project));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            ToEnumerableAsync(_original.GetAllDiagnosticsAsync(project));

        private static async Task<IEnumerable<Diagnostic>> ToEnumerableAsync(Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> diagnostics) =>
            await diagnostics.ConfigureAwait(false);
    }
}
