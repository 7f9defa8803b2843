using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SchedDsl.Demo;

/// <summary>
/// The demo's small CNN: three stride-2 conv/BatchNorm/ReLU blocks (28→14→7→4), average pool, linear head. The one
/// definition: benchmarks/SchedDsl.Experiments compiles this file too (linked), so every experiment trains the demo's model.
/// </summary>
internal static class DemoModel
{
    /// <summary>Children 0–2 (first block), 3–8 (two blocks), 9–11 (head): three layer groups for <c>Splitters.ByChildren</c>.</summary>
    public static readonly int[] GroupStarts = [3, 9];

    private const int BodyChildren = 9;

    public static Sequential Create(int classes) =>
        Sequential(Body().Concat(Head(classes)).ToArray());

    /// <summary>A model with <paramref name="source"/>'s body (same modules, so the weights carry over) and a new head.</summary>
    public static Sequential WithNewHead(Sequential source, int classes)
    {
        var body = source.named_children().Take(BodyChildren).Select(c => (c.name, (Module<Tensor, Tensor>)c.module));
        return Sequential(body.Concat(Head(classes)).ToArray());
    }

    private static IEnumerable<(string, Module<Tensor, Tensor>)> Head(int classes) =>
        [("pool", AdaptiveAvgPool2d(1)), ("flatten", Flatten()), ("head", Linear(64, classes))];

    private static IEnumerable<(string, Module<Tensor, Tensor>)> Body()
    {
        var channels = new[] { 1, 16, 32, 64 };
        for (var i = 0; i < 3; i++)
        {
            yield return ($"conv{i + 1}", Conv2d(channels[i], channels[i + 1], 3, stride: 2, padding: 1, bias: false));
            yield return ($"bn{i + 1}", BatchNorm2d(channels[i + 1]));
            yield return ($"relu{i + 1}", ReLU());
        }
    }
}
