namespace SchedDsl.Docs.Tests.Api;

/// <summary>
/// One line of a PublicAPI.*.txt baseline, read for its names: the type it declares or belongs to, the member (null
/// for a type), the parameter names and, for an extension method, the type it extends.
/// </summary>
internal sealed record ApiSymbol(string Line, string Type, string? Member, IReadOnlyList<string> Parameters, string? Extends)
{
    private static readonly string[] Modifiers = ["static ", "abstract ", "override ", "virtual ", "const ", "readonly ", "sealed ", "new "];

    public string TypeName => Type[(Type.LastIndexOf('.') + 1)..];

    public string Namespace => Type[..Math.Max(Type.LastIndexOf('.'), 0)];

    public static ApiSymbol Parse(string line)
    {
        var text = line;
        foreach (var modifier in Modifiers)
        {
            text = text.StartsWith(modifier, StringComparison.Ordinal) ? text[modifier.Length..] : text;
        }
        var arrow = text.IndexOf(" -> ", StringComparison.Ordinal);
        var signature = arrow < 0 ? text : text[..arrow];
        var equals = signature.IndexOf(" = ", StringComparison.Ordinal);
        var call = signature.IndexOf('(', StringComparison.Ordinal);
        if (equals >= 0 && (call < 0 || equals < call))
        {
            signature = signature[..equals]; // a constant's or enum member's value
        }
        var open = signature.IndexOfAny(['(', '[']);
        var path = StripGenerics(open < 0 ? signature : signature[..open]);
        if (arrow < 0 && open < 0)
        {
            return new ApiSymbol(line, path, null, [], null);
        }
        var segments = path.Split('.');
        var accessor = segments[^1] is "get" or "set" or "add" or "remove" && open < 0 ? 1 : 0;
        if (open >= 0 && signature[open] == '[')
        {
            accessor = 0;
        }
        var member = segments[^(1 + accessor)];
        var type = string.Join('.', segments[..^(1 + accessor)]);
        var parameters = open >= 0 && signature[open] == '(' ? ParameterNames(signature[(open + 1)..^1]) : [];
        var extends = parameters.Count > 0 && signature[(open + 1)..].StartsWith("this ", StringComparison.Ordinal)
            ? StripGenerics(signature[(open + 6)..].Split(' ')[0].TrimEnd('!', '?'))
            : null;
        return new ApiSymbol(line, type, member, parameters, extends);
    }

    /// <summary>The parameter names of a parameter list, split at top-level commas (tuples and generics nest).</summary>
    private static List<string> ParameterNames(string list)
    {
        var names = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= list.Length; i++)
        {
            if (i == list.Length || (list[i] == ',' && depth == 0))
            {
                var parameter = list[start..i].Trim();
                var assigned = parameter.IndexOf(" = ", StringComparison.Ordinal);
                parameter = assigned < 0 ? parameter : parameter[..assigned];
                if (parameter.Length > 0)
                {
                    names.Add(parameter[(parameter.LastIndexOf(' ') + 1)..]);
                }
                start = i + 1;
            }
            else
            {
                depth += list[i] is '(' or '<' or '[' ? 1 : list[i] is ')' or '>' or ']' ? -1 : 0;
            }
        }
        return names;
    }

    private static string StripGenerics(string path)
    {
        var result = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var c in path)
        {
            depth += c == '<' ? 1 : 0;
            if (depth == 0)
            {
                result.Append(c);
            }
            depth -= c == '>' ? 1 : 0;
        }
        return result.ToString();
    }
}
