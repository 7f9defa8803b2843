namespace SchedDsl.Experiments;

/// <summary><c>[--quick|--full] [--out DIR] [--sequential] [--only prediction]</c>; anything else is an error with the usage.</summary>
/// <param name="Budget">How much to train.</param>
/// <param name="OutputDirectory">Where results.md, the pictures and history/ go.</param>
/// <param name="Sequential">One run at a time on every core's libtorch thread, instead of one run per core on one thread each: the comparison behind the default (docs/results.md).</param>
/// <param name="Only">One experiment alone (<c>prediction</c>), or null for all of them.</param>
internal sealed record CommandLine(Budget Budget, string OutputDirectory, bool Sequential, string? Only = null)
{
    public const string Usage = "usage: dotnet run -c Release --project benchmarks/SchedDsl.Experiments -- [--quick|--full] [--out DIR] [--sequential] [--only prediction]";

    /// <summary>The experiments <c>--only</c> runs alone.</summary>
    public static IReadOnlyList<string> Alone { get; } = ["prediction"];

    public const string DefaultOutput = "out/experiments";

    public static CommandLine? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        bool quick = false, full = false, sequential = false;
        var output = DefaultOutput;
        string? only = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--full":
                    full = true;
                    break;
                case "--sequential":
                    sequential = true;
                    break;
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                case "--only" when i + 1 < args.Count:
                    only = args[++i];
                    if (!Alone.Contains(only))
                    {
                        error.WriteLine($"error: --only takes {string.Join(", ", Alone)}, got '{only}'\n{Usage}");
                        return null;
                    }
                    break;
                default:
                    error.WriteLine($"error: unknown or incomplete argument '{args[i]}'\n{Usage}");
                    return null;
            }
        }
        if (quick && full)
        {
            error.WriteLine($"error: --quick and --full exclude each other\n{Usage}");
            return null;
        }
        return new CommandLine(Budget.FromFlags(quick, full), output, sequential, only);
    }
}
