namespace SchedDsl.Generators.Model;

/// <summary>A type declaration to reopen as partial: its keyword (<c>class</c>, <c>record</c>, …) and name with type parameters.</summary>
internal sealed record TypeDeclarationInfo(string Keyword, string Name);
