using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>What every experiment shares: the budget, the data, how learners are made, where results go, the log.</summary>
internal sealed record Workbench(Budget Budget, Dataset Data, Learners Learners, string OutputDirectory, TextWriter Log)
{
    /// <summary>Writes a section title to the log, then the fits' own progress follows.</summary>
    public void Title(string text) => Log.WriteLine($"\n== {text}");

    public string Output(string fileName) => Path.Combine(OutputDirectory, fileName);
}

/// <summary>The LR finder run of one seed, shared by experiments 1 and 2 ("each at its lr from the same LR finder").</summary>
internal sealed record SeedFinder(int Seed, LrFindResult Result)
{
    public LrFindSuggestions Suggestions =>
        Result.Suggestions ?? throw new InvalidOperationException($"seed {Seed}: the LR finder's curve was too short to suggest a learning rate");

    /// <summary>Runs <c>LrFind</c> on a fresh model of <paramref name="seed"/>; the model is restored afterwards, as fastai does.</summary>
    public static SeedFinder Run(Workbench bench, int seed)
    {
        using var learn = bench.Learners.Create(Learners.NewModel(seed, classes: 10), bench.Data, seed);
        return new SeedFinder(seed, learn.LrFind(numIt: bench.Budget.LrFindIterations));
    }
}
