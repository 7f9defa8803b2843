using static TorchSharp.torch;

namespace SchedDsl.Demo;

/// <summary>
/// Loads Fashion-MNIST (or MNIST) from its four IDX files: images as <c>float32 [n, 1, 28, 28]</c> scaled to
/// [0, 1] and normalised with the training set's mean 0.2860 and std 0.3530, labels as <c>int64 [n]</c>.
/// </summary>
/// <remarks>Debian's <c>dataset-fashion-mnist</c> package installs the files in <see cref="DefaultDirectory"/>.</remarks>
internal static class FashionMnist
{
    /// <summary>Where Debian installs the gzipped IDX files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    private static readonly string[] FileNames =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>The class names, by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>True when the four files are in <paramref name="directory"/>.</summary>
    public static bool IsAvailable(string directory = DefaultDirectory) =>
        FileNames.All(name => File.Exists(Path.Combine(directory, name + ".gz")) || File.Exists(Path.Combine(directory, name)));

    /// <summary>Loads the first <paramref name="limit"/> items of the training (<paramref name="train"/>) or test split.</summary>
    /// <returns>Images <c>[n, 1, 28, 28]</c> and labels <c>[n]</c> on the CPU; the caller owns and disposes them.</returns>
    public static (Tensor Images, Tensor Labels) Load(bool train, int limit = int.MaxValue, string directory = DefaultDirectory)
    {
        var prefix = train ? "train" : "t10k";
        var (shape, pixels) = IdxReader.Read(Find(directory, $"{prefix}-images-idx3-ubyte"), limit);
        var (_, labels) = IdxReader.Read(Find(directory, $"{prefix}-labels-idx1-ubyte"), limit);
        using var scope = NewDisposeScope();
        var images = tensor(pixels, [shape[0], 1, shape[1], shape[2]], ScalarType.Byte)
            .to_type(ScalarType.Float32).div_(255f).sub_(0.2860f).div_(0.3530f);
        var targets = tensor(labels, ScalarType.Byte).to_type(ScalarType.Int64);
        return (images.MoveToOuterDisposeScope(), targets.MoveToOuterDisposeScope());
    }

    private static string Find(string directory, string name)
    {
        var gz = Path.Combine(directory, name + ".gz");
        if (File.Exists(gz))
        {
            return gz;
        }
        var raw = Path.Combine(directory, name);
        return File.Exists(raw)
            ? raw
            : throw new FileNotFoundException($"Fashion-MNIST file {name}(.gz) not found in {directory}; install Debian's dataset-fashion-mnist (scripts/setup-debian.sh)", gz);
    }
}
