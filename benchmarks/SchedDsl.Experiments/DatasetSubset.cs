namespace SchedDsl.Experiments;

/// <summary>The first images of a <see cref="Dataset"/>: what experiments 4–7 train and test on.</summary>
internal static class DatasetSubset
{
    /// <summary>A new dataset (its own tensors) of the first <paramref name="trainImages"/> training rows and <paramref name="testImages"/> test rows.</summary>
    public static Dataset First(this Dataset data, int trainImages, int testImages)
    {
        var (train, test) = (Math.Min(trainImages, data.TrainCount), Math.Min(testImages, data.TestCount));
        return new Dataset(
            data.TrainImages.narrow(0, 0, train).clone(),
            data.TrainLabels.narrow(0, 0, train).clone(),
            data.TestImages.narrow(0, 0, test).clone(),
            data.TestLabels.narrow(0, 0, test).clone());
    }
}
