using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Repro.Build.Analyzers;
using Repro.Build.Analyzers.Rules;

namespace Repro.Build.CodeFixes.Rules;

/// <summary>
/// Fixes REPRO009 where a seed overload exists with the seed last: <c>new MersenneTwister()</c> becomes
/// <c>new MersenneTwister(42)</c>, <c>Matrix&lt;double&gt;.Build.Random(3, 4)</c> becomes <c>….Random(3, 4, 42)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededMathNetFixer))]
[Shared]
public sealed class UnseededMathNetFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UnseededMathNet);

    private static readonly ReproFixAllProvider FixAll = new(nameof(UnseededMathNetFixer));

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UnseededMathNetAnalyzer.FixProperty, out var fix) || fix != "append-seed")
            {
                continue;
            }

            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var argumentList = node switch
            {
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                InvocationExpressionSyntax invocation => invocation.ArgumentList,
                _ => null,
            };
            if (node is null || argumentList is null)
            {
                continue;
            }

            var seed = SeedValue.For(context.Document, node.SyntaxTree);
            context.RegisterCodeFix(
                CodeAction.Create(
                    string.Format(CultureInfo.InvariantCulture, "Pass the seed {0}", seed),
                    ct => AppendAsync(context.Document, argumentList, seed, ct),
                    equivalenceKey: nameof(UnseededMathNetFixer)),
                diagnostic);
        }
    }

    private static async Task<Document> AppendAsync(Document document, ArgumentListSyntax arguments, int seed, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var literal = SyntaxFactory.Argument(SeedValue.Literal(seed));
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(arguments, arguments.AddArguments(literal)));
    }
}
