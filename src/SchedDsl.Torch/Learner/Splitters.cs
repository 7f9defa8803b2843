using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace SchedDsl.Torch;

/// <summary>Splits a model's parameters into layer groups, first (body) to last (head) (fastai's <c>splitter</c>).</summary>
/// <param name="model">The model.</param>
public delegate IReadOnlyList<IReadOnlyList<Parameter>> Splitter(Module model);

/// <summary>Common <see cref="Splitter"/>s.</summary>
public static class Splitters
{
    /// <summary>One group with every parameter (fastai's <c>trainable_params</c> default).</summary>
    public static Splitter OneGroup { get; } = model => [model.parameters().ToList()];

    /// <summary>
    /// Groups the model's direct children: group <c>k</c> starts at child <c>starts[k-1]</c>; e.g. <c>ByChildren(6)</c>
    /// on a <c>Sequential</c> puts children 0–5 (the body) in group 0 and the rest (the head) in group 1.
    /// </summary>
    /// <exception cref="ArgumentException">Starts not strictly increasing, or outside (0, child count).</exception>
    public static Splitter ByChildren(params int[] starts)
    {
        ArgumentNullException.ThrowIfNull(starts);
        for (var i = 0; i < starts.Length; i++)
        {
            if (starts[i] < 1 || (i > 0 && starts[i] <= starts[i - 1]))
            {
                throw new ArgumentException($"starts must be strictly increasing and >= 1, got [{string.Join(", ", starts)}]", nameof(starts));
            }
        }
        return model =>
        {
            var children = model.children().ToList();
            if (starts.Length > 0 && starts[^1] >= children.Count)
            {
                throw new ArgumentException($"starts [{string.Join(", ", starts)}] must be below the model's {children.Count} children", nameof(starts));
            }
            var bounds = starts.Prepend(0).Append(children.Count).ToArray();
            var groups = new List<IReadOnlyList<Parameter>>();
            for (var g = 0; g < bounds.Length - 1; g++)
            {
                groups.Add(children.Skip(bounds[g]).Take(bounds[g + 1] - bounds[g]).SelectMany(c => c.parameters()).ToList());
            }
            return groups;
        };
    }
}
