using static TorchSharp.torch;

namespace SchedDsl.Experiments;

/// <summary>
/// Creates modules from a seed. libtorch's generator is one per process, so concurrent jobs take turns: seeding and
/// creating happen under one lock, and a model's initial weights depend on its seed alone.
/// </summary>
internal static class Seeding
{
    private static readonly Lock Gate = new();

    public static T Create<T>(int seed, Func<T> create)
    {
        lock (Gate)
        {
            manual_seed(seed);
            return create();
        }
    }
}
