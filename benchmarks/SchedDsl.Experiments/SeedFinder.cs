using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>The LR finder run of one seed, shared by experiments 1 and 2 ("each at its lr from the same LR finder").</summary>
internal sealed record SeedFinder(int Seed, LrFindResult Result)
{
    public LrFindSuggestions Suggestions =>
        Result.Suggestions ?? throw new InvalidOperationException($"seed {Seed}: the LR finder's curve was too short to suggest a learning rate");

    /// <summary>Runs <c>LrFind</c> on a fresh model of <paramref name="seed"/>; the model is restored afterwards, as fastai does.</summary>
    public static SeedFinder Run(Workbench bench, int seed, Lane lane)
    {
        using var learn = bench.NewLearner(Workbench.NewModel(seed, classes: 10), bench.Data, seed, lane);
        return new SeedFinder(seed, learn.LrFind(numIt: bench.Budget.LrFindIterations));
    }
}
