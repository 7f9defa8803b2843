#nullable enable
namespace SchedDsl.Text;

/// <summary>What is wrong with one argument of a schedule function: the parameter to blame and the problem.</summary>
/// <remarks>A plain class, not a record: the folder is linked into the generator, which has its own <c>IsExternalInit</c>.</remarks>
internal sealed class ArgProblem
{
    public ArgProblem(string parameter, string problem)
    {
        Parameter = parameter;
        Problem = problem;
    }

    /// <summary>The parameter's text-form name, with an index for a list item, e.g. <c>div</c> or <c>scales[2]</c>.</summary>
    public string Parameter { get; }

    /// <summary>The problem, e.g. <c>must be > 0, got 0</c>.</summary>
    public string Problem { get; }

    /// <summary>The parameter without a list index: where the argument was written.</summary>
    public string BaseParameter => Parameter.IndexOf('[') is var bracket and >= 0 ? Parameter.Substring(0, bracket) : Parameter;
}
