using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;

namespace Repro.Build.CodeFixes;

/// <summary>
/// What every fixer shares: the one rule it fixes, one kind of action (its equivalence key is the fixer's name), Fix
/// All through <see cref="ReproFixAllProvider"/>, and edits made on a <see cref="DocumentEditor"/>. Nodes a fixer
/// writes carry <see cref="Microsoft.CodeAnalysis.Formatting.Formatter.Annotation"/>, so the code action's clean-up
/// formats them (and <see cref="Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation"/> where a name may be
/// shortened).
/// </summary>
public abstract class ReproFixer : CodeFixProvider
{
    private readonly ImmutableArray<string> _fixableDiagnosticIds;
    private readonly ReproFixAllProvider _fixAll;

    private protected ReproFixer(string diagnosticId)
    {
        _fixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        EquivalenceKey = GetType().Name;
        _fixAll = new ReproFixAllProvider(EquivalenceKey);
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds => _fixableDiagnosticIds;

    public sealed override FixAllProvider GetFixAllProvider() => _fixAll;

    private protected string EquivalenceKey { get; }

    /// <summary>Offers one action for <paramref name="diagnostics"/> that makes <paramref name="edit"/> on the document.</summary>
    private protected void Register(CodeFixContext context, ImmutableArray<Diagnostic> diagnostics, string title, Action<DocumentEditor> edit) =>
        context.RegisterCodeFix(CodeAction.Create(title, cancellationToken => EditAsync(context.Document, edit, cancellationToken), EquivalenceKey),
            diagnostics);

    private static async Task<Document> EditAsync(Document document, Action<DocumentEditor> edit, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        edit(editor);
        return editor.GetChangedDocument();
    }
}
