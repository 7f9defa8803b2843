namespace SchedDsl.Experiments;

/// <summary>The first training images of a <see cref="Dataset"/>: what experiments 4–7 train on.</summary>
internal static class DatasetSubset
{
    /// <summary>A new dataset (its own tensors) of the first <paramref name="trainImages"/> training rows, all test rows.</summary>
    public static Dataset FirstTrain(this Dataset data, int trainImages)
    {
        var count = Math.Min(trainImages, data.TrainCount);
        return new Dataset(
            data.TrainImages.narrow(0, 0, count).clone(),
            data.TrainLabels.narrow(0, 0, count).clone(),
            data.TestImages.clone(),
            data.TestLabels.clone());
    }
}
