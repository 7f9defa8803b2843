using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchedDsl.Generators.Model;

namespace SchedDsl.Generators.Parsing;

/// <summary>Reads a property marked <c>[SchedText("…")]</c> into a <see cref="SchedTextInput"/>: symbols in, values out.</summary>
internal static class SchedTextReader
{
    public static SchedTextInput Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var property = (IPropertySymbol)context.TargetSymbol;
        var syntax = (PropertyDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];
        if (attribute.ConstructorArguments.FirstOrDefault().Value is not string text
            || attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList.Arguments.Count: > 0 } application)
        {
            return None(); // the compiler reports a missing or non-constant argument
        }
        var type = property.ContainingType;
        if (!IsPartialGetOnly(syntax) || !Symbols.IsSched(property.Type) || TypeShape.FirstNonPartial(type, cancellationToken) is not null)
        {
            return None(DiagnosticInfo.Create(
                DiagnosticDescriptors.SchedTextNotPartialProperty,
                TypeShape.IdentifierLocation(property),
                property.Name));
        }
        var groups = 0;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Groups" && named.Value.Value is int declared)
            {
                groups = declared;
            }
        }
        var modifiers = string.Join(" ", syntax.Modifiers.Where(m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(m => m.Text));
        var model = new SchedTextModel(
            TypeShape.Namespace(type),
            TypeShape.Containers(type),
            TypeShape.Declaration(type),
            property.Name,
            modifiers,
            property.Type.NullableAnnotation == NullableAnnotation.Annotated,
            text,
            groups,
            Literal(application.ArgumentList.Arguments[0].Expression));
        return new SchedTextInput(model, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static SchedTextInput None(params DiagnosticInfo[] diagnostics) =>
        new(null, new EquatableArray<DiagnosticInfo>(diagnostics));

    /// <summary>A <c>partial</c> declaration with a bodiless <c>get;</c> and nothing else.</summary>
    private static bool IsPartialGetOnly(PropertyDeclarationSyntax syntax) =>
        syntax.Modifiers.Any(SyntaxKind.PartialKeyword)
        && syntax.ExpressionBody is null
        && syntax.AccessorList is { Accessors.Count: 1 } accessors
        && accessors.Accessors[0] is { Body: null, ExpressionBody: null } getter
        && getter.IsKind(SyntaxKind.GetAccessorDeclaration);

    private static LiteralInfo Literal(ExpressionSyntax expression)
    {
        var kind = LiteralKind.Other;
        if (expression is LiteralExpressionSyntax literal)
        {
            var token = literal.Token;
            kind = token.Kind() switch
            {
                SyntaxKind.StringLiteralToken when token.Text.StartsWith("@", System.StringComparison.Ordinal) => LiteralKind.Verbatim,
                SyntaxKind.StringLiteralToken => LiteralKind.Regular,
                SyntaxKind.SingleLineRawStringLiteralToken => LiteralKind.RawSingleLine,
                _ => LiteralKind.Other,
            };
        }
        var location = expression.GetLocation();
        var start = location.GetLineSpan().StartLinePosition;
        return new LiteralInfo(
            location.SourceTree?.FilePath ?? string.Empty,
            location.SourceSpan.Start,
            start.Line,
            start.Character,
            expression.ToString(),
            kind);
    }
}
