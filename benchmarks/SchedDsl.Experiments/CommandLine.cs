namespace SchedDsl.Experiments;

/// <summary><c>[--quick|--full] [--out DIR]</c>; anything else is an error with the usage.</summary>
internal sealed record CommandLine(Budget Budget, string OutputDirectory)
{
    public const string Usage = "usage: dotnet run -c Release --project benchmarks/SchedDsl.Experiments -- [--quick|--full] [--out DIR]";

    public const string DefaultOutput = "out/experiments";

    public static CommandLine? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        bool quick = false, full = false;
        var output = DefaultOutput;
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
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
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
        return new CommandLine(Budget.FromFlags(quick, full), output);
    }
}
