namespace SchedDsl.Torch;

/// <summary>The shuffle seed of one epoch, a function of the source's seed and the epoch alone (so a resumed run replays it).</summary>
internal static class EpochSeed
{
    // A seeded System.Random repeats its sequence across runs; HashCode is randomised per process, so mix by hand.
    public static int For(int seed, int epoch) => unchecked((seed * 1_000_003) + epoch);
}
