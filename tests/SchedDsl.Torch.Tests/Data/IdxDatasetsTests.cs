using System.Buffers.Binary;
using System.IO.Compression;
using SchedDsl.Tests.Shared;
using Xunit;

namespace SchedDsl.Torch.Tests;

/// <summary>Fashion-MNIST and MNIST from IDX files: the installed Debian files, and untrusted files that must fail clearly.</summary>
public sealed class IdxDatasetsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("idx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_Debian_files_load_as_normalised_images_and_labels()
    {
        RequiredData.FashionMnist();
        var (images, labels) = IdxDatasets.LoadFashionMnist(train: false, limit: 7);
        using (images)
        using (labels)
        {
            Assert.Equal([7L, 1, 28, 28], images.shape);
            Assert.Equal([7L], labels.shape);
            // The first test items of Fashion-MNIST (zalandoresearch/fashion-mnist, t10k-labels-idx1-ubyte): ankle boot, pullover, trouser, trouser.
            Assert.Equal([9L, 2, 1, 1], labels.data<long>().Take(4).ToArray());
            // A 0 pixel normalised: (0 - mean) / std.
            Assert.Equal(-IdxDatasets.FashionMnistMean / IdxDatasets.FashionMnistStd, images.min().item<float>(), 5);
        }
    }

    [Fact]
    public void Gzipped_and_plain_files_read_alike_and_scale_pixels_to_0_1()
    {
        Write("train-images-idx3-ubyte.gz", Idx([3, 2, 2], [.. Enumerable.Range(0, 12).Select(i => (byte)(i * 20))]));
        Write("train-labels-idx1-ubyte", Idx([3], [4, 5, 6]));
        Write("t10k-images-idx3-ubyte", Idx([1, 2, 2], [0, 0, 0, 255]));
        Write("t10k-labels-idx1-ubyte.gz", Idx([1], [7]));
        Assert.True(IdxDatasets.IsAvailable(_dir));
        var (images, labels) = IdxDatasets.Load(_dir, train: true, limit: 2);
        using (images)
        using (labels)
        {
            Assert.Equal([2L, 1, 2, 2], images.shape);
            Assert.Equal([4L, 5], labels.data<long>().ToArray());
            Assert.Equal(140f / 255f, images[1, 0, 1, 1].item<float>(), 6);
        }
        var (test, testLabels) = IdxDatasets.Load(_dir, train: false, mean: 0.5, std: 0.5);
        using (test)
        using (testLabels)
        {
            // (0 - 0.5) / 0.5 and (1 - 0.5) / 0.5.
            Assert.Equal([-1f, -1f, -1f, 1f], test.data<float>().ToArray());
        }
    }

    [Fact]
    public void A_wrong_magic_names_the_file_and_the_magic_expected()
    {
        var path = Write("x-idx3-ubyte", [0, 0, 0x0D, 3, 0, 0, 0, 1]);
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Equal($"{path} is not an unsigned-byte IDX file: its magic is 0x00000D03, expected 0x000008 then the number of dimensions (0x00000803 for images, 0x00000801 for labels)", e.Message);
    }

    [Fact]
    public void A_file_shorter_than_its_header_says_is_an_error_not_a_huge_allocation()
    {
        // The header claims 1,000,000 items of 28 x 28 (784 MB); the file holds 10 bytes of them.
        var path = Write("x-idx3-ubyte", Idx([1_000_000, 28, 28], new byte[10]));
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Equal($"{path}: the file ends after 10 of the 784000000 bytes its IDX header announces", e.Message);
    }

    [Fact]
    public void A_zero_dimension_or_a_truncated_header_is_an_error()
    {
        var zero = Write("zero-idx1-ubyte", Idx([0], []));
        Assert.Equal($"{zero}: IDX dimension 0 is 0; every dimension must be >= 1", Assert.Throws<InvalidDataException>(() => IdxFile.Read(zero)).Message);
        var cut = Write("cut-idx3-ubyte", [0, 0, 8, 3, 0, 0]);
        Assert.Equal($"{cut}: the file ends inside the IDX header, at dimension 0 of 3", Assert.Throws<InvalidDataException>(() => IdxFile.Read(cut)).Message);
    }

    [Fact]
    public void A_gz_name_on_data_that_is_not_gzip_names_the_file()
    {
        var path = Write("x-idx1-ubyte.gz", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.StartsWith($"{path}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_and_labels_of_different_counts_or_shapes_are_refused()
    {
        Write("train-images-idx3-ubyte", Idx([3, 1, 1], [1, 2, 3]));
        Write("train-labels-idx1-ubyte", Idx([2], [1, 2]));
        var e = Assert.Throws<InvalidDataException>(() => IdxDatasets.Load(_dir, train: true));
        Assert.Contains("gives 3 images but", e.Message, StringComparison.Ordinal);
        Assert.Contains("gives 2 labels", e.Message, StringComparison.Ordinal);

        Write("train-labels-idx1-ubyte", Idx([3, 1], [1, 2, 3]));
        Assert.Contains("labels need 1 IDX dimension (count), the file has 2", Assert.Throws<InvalidDataException>(() => IdxDatasets.Load(_dir, train: true)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_says_where_it_was_looked_for()
    {
        var e = Assert.Throws<FileNotFoundException>(() => IdxDatasets.Load(_dir, train: false));
        Assert.Equal($"t10k-images-idx3-ubyte (or t10k-images-idx3-ubyte.gz) is not in {_dir}; on Debian, apt-get install dataset-fashion-mnist puts Fashion-MNIST in /usr/share/datasets/fashion-mnist", e.Message);
        Assert.False(IdxDatasets.IsAvailable(_dir));
    }

    private static byte[] Idx(int[] shape, byte[] data)
    {
        var bytes = new byte[4 + (4 * shape.Length) + data.Length];
        bytes[2] = 0x08;
        bytes[3] = (byte)shape.Length;
        for (var i = 0; i < shape.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * i)), shape[i]);
        }
        data.CopyTo(bytes, 4 + (4 * shape.Length));
        return bytes;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        if (name.EndsWith(".gz", StringComparison.Ordinal) && bytes.Length > 0 && bytes[0] == 0)
        {
            using var file = File.Create(path);
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            gzip.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }
        return path;
    }
}
