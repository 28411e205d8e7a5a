using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Repro.Build.Analyzers.Rules;

namespace Repro.Build.CodeFixes.Rules;

/// <summary>
/// Fixes REPRO014 with <c>NumberOfThreads = 1</c>: added to (or set in) the options initializer, or, for the overloads
/// without options, by switching to the options overload with the same arguments:
/// <c>Trainers.SdcaLogisticRegression("Label", "Features")</c> becomes
/// <c>Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = "Label", FeatureColumnName = "Features",
/// NumberOfThreads = 1 })</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MultithreadedTrainerFixer))]
[Shared]
public sealed class MultithreadedTrainerFixer : ReproFixer
{
    public MultithreadedTrainerFixer()
        : base(RuleIdentifiers.MultithreadedTrainer)
    {
    }

    private const string Title = "Train on one thread (NumberOfThreads = 1)";




    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            diagnostic.Properties.TryGetValue(MultithreadedTrainerAnalyzer.FixProperty, out var fix);
            if (fix is MultithreadedTrainerAnalyzer.AddOption or MultithreadedTrainerAnalyzer.SetOption
                && diagnostic.AdditionalLocations.FirstOrDefault() is { } optionsLocation
                && optionsLocation.SourceTree == root.SyntaxTree
                && root.FindNode(optionsLocation.SourceSpan,
                    getInnermostNodeForTie: true).AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault() is { } options)
            {
                Register(context, ImmutableArray.Create(diagnostic), Title, editor => editor.ReplaceNode(options, WithOneThread(options)));
            }
            else if (fix == MultithreadedTrainerAnalyzer.UseOptions
                && root.FindNode(diagnostic.Location.SourceSpan,
                    getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault() is { } invocation
                && OptionsInitializer(invocation, model, context.CancellationToken) is { } replacement)
            {
                Register(context, ImmutableArray.Create(diagnostic), Title, editor => editor.ReplaceNode(invocation.ArgumentList,
                    replacement.WithTriviaFrom(invocation.ArgumentList)));
            }
        }
    }

    /// <summary>The options with <c>NumberOfThreads = 1</c> set (replacing another value) or added.</summary>
    private static BaseObjectCreationExpressionSyntax WithOneThread(BaseObjectCreationExpressionSyntax options)
    {
        var one = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1));
        var existing = options.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
            .LastOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.Text: "NumberOfThreads" });
        BaseObjectCreationExpressionSyntax updated;
        if (existing is not null)
        {
            updated = options.ReplaceNode(existing.Right, one.WithTriviaFrom(existing.Right));
        }
        else
        {
            var assignment = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("NumberOfThreads"), one)
                .WithAdditionalAnnotations(Formatter.Annotation);
            updated = options.Initializer is { } initializer
                ? options.WithInitializer(AddAssignment(initializer, assignment))
                : options.WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment)));
        }

        return updated;
    }

    /// <summary>Appends an assignment, following the initializer's layout (one per line, or all on one line).</summary>
    private static InitializerExpressionSyntax AddAssignment(InitializerExpressionSyntax initializer, AssignmentExpressionSyntax assignment)
    {
        var expressions = initializer.Expressions;
        if (expressions.Count == 0)
        {
            var spaced = assignment.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space);
            return initializer.WithExpressions(SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(spaced));
        }

        var last = expressions[expressions.Count - 1];
        var multiline = initializer.ToString().Contains("\n");
        var separators = expressions.GetSeparators().ToList();
        var items = expressions.ToList();
        if (separators.Count < items.Count)
        {
            // No trailing comma: one goes after the last assignment, which keeps its line end after it.
            items[items.Count - 1] = last.WithoutTrailingTrivia();
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(last.GetTrailingTrivia()));
        }

        items.Add(assignment.WithLeadingTrivia(multiline ? last.GetLeadingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.Space))
            .WithTrailingTrivia(multiline ? SyntaxFactory.TriviaList(SyntaxFactory.ElasticLineFeed) : SyntaxFactory.TriviaList(SyntaxFactory.Space)));
        if (multiline && separators.Count == items.Count)
        {
            separators.RemoveAt(separators.Count - 1);
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList(items, separators.Take(items.Count - 1)));
    }

    /// <summary>The options object that the overload with options needs, built from the call's arguments; null when one has no option.</summary>
    private static ArgumentListSyntax? OptionsInitializer(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var method = operation.TargetMethod;
        var optionsOverload = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>()
            .FirstOrDefault(m => m.Parameters.Length == (method.IsExtensionMethod ? 2 : 1)
                && MultithreadedTrainerAnalyzer.HasNumberOfThreads(m.Parameters.Last().Type));
        if (optionsOverload is null)
        {
            return null;
        }

        var optionsType = optionsOverload.Parameters.Last().Type;
        var assignments = new List<ExpressionSyntax>();
        foreach (var argument in operation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || (method.IsExtensionMethod && argument.Parameter?.Ordinal == 0))
            {
                continue;
            }

            var name = argument.Parameter is { } parameter ? OptionName(optionsType, parameter.Name) : null;
            if (name is null || argument.Syntax is not ArgumentSyntax syntax)
            {
                return null; // an argument the options do not carry: leave it to the author
            }

            assignments.Add(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(name),
                syntax.Expression.WithoutTrivia()));
        }

        assignments.Add(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("NumberOfThreads"),
            SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1))));
        var typeName = SyntaxFactory.ParseTypeName(optionsType.ToMinimalDisplayString(model,
            invocation.SpanStart)).WithAdditionalAnnotations(Simplifier.Annotation);
        var creation = SyntaxFactory.ObjectCreationExpression(typeName.WithLeadingTrivia(SyntaxFactory.Space))
            .WithArgumentList(null)
            .WithInitializer(SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.SeparatedList(assignments.Select(a =>
                    a.WithLeadingTrivia(SyntaxFactory.Space))))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space)))
            .WithAdditionalAnnotations(Formatter.Annotation);
        return invocation.ArgumentList.WithArguments(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(creation)));
    }

    /// <summary>The options member a parameter sets: labelColumnName → LabelColumnName, loss → LossFunction.</summary>
    private static string? OptionName(ITypeSymbol options, string parameter)
    {
        var pascal = char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);
        foreach (var candidate in new[] { pascal, pascal + "Function" })
        {
            for (var type = options; type is not null; type = type.BaseType)
            {
                if (type.GetMembers(candidate).Any(m => m is IFieldSymbol or IPropertySymbol))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
