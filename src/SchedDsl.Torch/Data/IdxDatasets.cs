using static TorchSharp.torch;

namespace SchedDsl.Torch;

/// <summary>
/// Fashion-MNIST and MNIST as tensors, from their four IDX files (<c>train-images-idx3-ubyte</c>,
/// <c>train-labels-idx1-ubyte</c>, <c>t10k-images-idx3-ubyte</c>, <c>t10k-labels-idx1-ubyte</c>, each gzipped or not), as
/// Debian's <c>dataset-fashion-mnist</c> package installs them in <see cref="DebianFashionMnist"/>. Wrap the tensors in a
/// <see cref="TensorBatches"/> for a <see cref="Learner"/>.
/// </summary>
/// <remarks>
/// <para>Images come as <c>float32 [n, 1, height, width]</c> scaled to [0, 1] and normalised with the given mean and
/// standard deviation, labels as <c>int64 [n]</c>, both on the CPU in one tensor each (TorchVision's loader keeps a
/// tensor per image and expects the files gunzipped under <c>&lt;root&gt;/fashion-mnist/test_data/</c>).</para>
/// <para>The files are untrusted: a missing file, a wrong magic, images and labels of different counts, or a file that
/// ends early is an exception naming the file (<see cref="IdxFile"/>). Thread-safety: stateless; safe from any thread.</para>
/// </remarks>
public static class IdxDatasets
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> installs the gzipped IDX files.</summary>
    public const string DebianFashionMnist = "/usr/share/datasets/fashion-mnist";

    /// <summary>The mean pixel of Fashion-MNIST's training images, scaled to [0, 1].</summary>
    public const double FashionMnistMean = 0.2860;

    /// <summary>The standard deviation of Fashion-MNIST's training pixels, scaled to [0, 1].</summary>
    public const double FashionMnistStd = 0.3530;

    /// <summary>The mean pixel of MNIST's training images, scaled to [0, 1] (torchvision's 0.1307).</summary>
    public const double MnistMean = 0.1307;

    /// <summary>The standard deviation of MNIST's training pixels, scaled to [0, 1] (torchvision's 0.3081).</summary>
    public const double MnistStd = 0.3081;

    private static readonly string[] FileNames =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>Fashion-MNIST's class names, by label.</summary>
    public static IReadOnlyList<string> FashionMnistClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>True when the four IDX files (gzipped or not) are in <paramref name="directory"/>.</summary>
    public static bool IsAvailable(string directory = DebianFashionMnist)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return FileNames.All(name => File.Exists(Path.Combine(directory, name + ".gz")) || File.Exists(Path.Combine(directory, name)));
    }

    /// <summary>Loads the first <paramref name="limit"/> items of Fashion-MNIST's training or test split, normalised with <see cref="FashionMnistMean"/> and <see cref="FashionMnistStd"/>.</summary>
    /// <inheritdoc cref="Load" path="/param"/>
    /// <inheritdoc cref="Load" path="/returns"/>
    /// <inheritdoc cref="Load" path="/exception"/>
    public static (Tensor Images, Tensor Labels) LoadFashionMnist(bool train, int limit = int.MaxValue, string directory = DebianFashionMnist) =>
        Load(directory, train, limit, FashionMnistMean, FashionMnistStd);

    /// <summary>Loads the first <paramref name="limit"/> items of MNIST's training or test split, normalised with <see cref="MnistMean"/> and <see cref="MnistStd"/>.</summary>
    /// <inheritdoc cref="Load" path="/param"/>
    /// <inheritdoc cref="Load" path="/returns"/>
    /// <inheritdoc cref="Load" path="/exception"/>
    public static (Tensor Images, Tensor Labels) LoadMnist(string directory, bool train, int limit = int.MaxValue) =>
        Load(directory, train, limit, MnistMean, MnistStd);

    /// <summary>Loads the first <paramref name="limit"/> items of the training (<c>train-*</c>) or test (<c>t10k-*</c>) split in <paramref name="directory"/>.</summary>
    /// <param name="directory">The folder with the four IDX files.</param>
    /// <param name="train">True for the training split, false for the test split.</param>
    /// <param name="limit">The most items to load, &gt;= 0.</param>
    /// <param name="mean">Subtracted from every pixel after scaling to [0, 1]; 0 keeps the scale.</param>
    /// <param name="std">Divides every pixel after the mean, &gt; 0; 1 keeps the scale.</param>
    /// <returns>Images <c>float32 [n, 1, height, width]</c> and labels <c>int64 [n]</c> on the CPU; the caller owns and disposes them.</returns>
    /// <exception cref="FileNotFoundException">An IDX file is missing from <paramref name="directory"/>.</exception>
    /// <exception cref="InvalidDataException">A file is not an unsigned-byte IDX file, ends early, is not images (3 dimensions) or labels (1), or the two counts differ.</exception>
    public static (Tensor Images, Tensor Labels) Load(string directory, bool train, int limit = int.MaxValue, double mean = 0, double std = 1)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, $"mean must be a finite number, got {mean}");
        }
        if (!(std > 0 && double.IsFinite(std)))
        {
            throw new ArgumentOutOfRangeException(nameof(std), std, $"std must be a finite number > 0, got {std}");
        }
        var prefix = train ? "train" : "t10k";
        var imagesPath = Find(directory, $"{prefix}-images-idx3-ubyte");
        var labelsPath = Find(directory, $"{prefix}-labels-idx1-ubyte");
        var (shape, pixels) = IdxFile.Read(imagesPath, limit);
        var (labelShape, labels) = IdxFile.Read(labelsPath, limit);
        if (shape.Length != 3)
        {
            throw new InvalidDataException($"{imagesPath}: images need 3 IDX dimensions (count, height, width), the file has {shape.Length}");
        }
        if (labelShape.Length != 1)
        {
            throw new InvalidDataException($"{labelsPath}: labels need 1 IDX dimension (count), the file has {labelShape.Length}");
        }
        if (labelShape[0] != shape[0])
        {
            throw new InvalidDataException($"{imagesPath} gives {shape[0]} images but {labelsPath} gives {labelShape[0]} labels; the two files must come from one split");
        }
        using var scope = NewDisposeScope();
        var images = tensor(pixels, [shape[0], 1, shape[1], shape[2]], ScalarType.Byte)
            .to_type(ScalarType.Float32).div_(255f).sub_(mean).div_(std);
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
            : throw new FileNotFoundException($"{name} (or {name}.gz) is not in {directory}; on Debian, apt-get install dataset-fashion-mnist puts Fashion-MNIST in {DebianFashionMnist}", gz);
    }
}
