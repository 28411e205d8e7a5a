using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Formatting;

namespace Repro.Build.CodeFixes.Rules;

/// <summary>
/// Fixes REPRO006 for <c>s.GetHashCode()</c>: the first four bytes of the SHA-256 of the UTF-8 bytes instead, stable
/// across processes, machines and .NET versions, and in the box on .NET 5 and later (no package to add).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RandomizedStringHashFixer))]
[Shared]
public sealed class RandomizedStringHashFixer : ReproFixer
{
    public RandomizedStringHashFixer()
        : base(RuleIdentifiers.RandomizedStringHash)
    {
    }

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var invocation = root?.FindNode(context.Span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (invocation is not { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "GetHashCode" } access, ArgumentList.Arguments.Count: 0 }
            || model is null
            || model.GetTypeInfo(access.Expression, context.CancellationToken).Type?.SpecialType != SpecialType.System_String)
        {
            return; // only string.GetHashCode() has a one-to-one stable replacement
        }

        if (model.Compilation.GetTypeByMetadataName("System.Security.Cryptography.SHA256")?.GetMembers("HashData").Any() != true)
        {
            return; // SHA256.HashData is .NET 5 and later
        }

        var value = access.Expression.WithoutTrivia().ToFullString();
        var replacement = $"System.BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes({value})), 0)";

        // Fully qualified, so the fix compiles whatever the file imports.
        var expression = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(invocation).WithAdditionalAnnotations(Formatter.Annotation);
        Register(context, context.Diagnostics, "Use a stable hash (SHA-256 of the UTF-8 bytes)", editor => editor.ReplaceNode(invocation, expression));
    }
}
