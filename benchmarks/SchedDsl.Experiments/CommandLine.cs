namespace SchedDsl.Experiments;

/// <summary><c>[--quick|--full] [--out DIR] [--sequential] [--only PART[,PART]]</c>; anything else is an error with the usage.</summary>
/// <param name="Budget">How much to train.</param>
/// <param name="OutputDirectory">Where results.md, the pictures and history/ go.</param>
/// <param name="Sequential">One run at a time on every core's libtorch thread, instead of one run per core on one thread each: the comparison behind the default (docs/results.md).</param>
/// <param name="Parts">The parts to run (<see cref="AllParts"/> by default).</param>
internal sealed record CommandLine(Budget Budget, string OutputDirectory, bool Sequential, IReadOnlySet<string> Parts)
{
    public const string Usage = "usage: dotnet run -c Release --project benchmarks/SchedDsl.Experiments -- [--quick|--full] [--out DIR] [--sequential] [--only seeds|anytime|prediction[,...]]";

    /// <summary>The seeds' experiments 1–3.</summary>
    public const string Seeds = "seeds";

    /// <summary>Issue 20's experiments 4–7 (<see cref="AnytimeExperiments"/>).</summary>
    public const string Anytime = "anytime";

    /// <summary>Issue 20's loss-prediction study (<see cref="PredictionStudy"/>).</summary>
    public const string Prediction = "prediction";

    public static IReadOnlyList<string> AllParts { get; } = [Seeds, Anytime, Prediction];

    /// <summary>Whether <paramref name="part"/> runs.</summary>
    public bool Runs(string part) => Parts.Contains(part);

    public const string DefaultOutput = "out/experiments";

    public static CommandLine? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        bool quick = false, full = false, sequential = false;
        var output = DefaultOutput;
        IReadOnlySet<string> parts = AllParts.ToHashSet();
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
                    var named = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = named.FirstOrDefault(p => !AllParts.Contains(p));
                    if (unknown is not null || named.Length == 0)
                    {
                        error.WriteLine($"error: --only takes {string.Join(", ", AllParts)} (comma-separated), got '{args[i]}'\n{Usage}");
                        return null;
                    }
                    parts = named.ToHashSet();
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
        return new CommandLine(Budget.FromFlags(quick, full), output, sequential, parts);
    }
}
