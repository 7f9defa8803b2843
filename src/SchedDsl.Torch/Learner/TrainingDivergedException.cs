namespace SchedDsl.Torch;

/// <summary>
/// A training batch produced a NaN or infinite loss. The fit stopped before that batch's optimizer step, so the
/// model holds the parameters of the last finite batch and the recorder ends with that batch.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for <paramref name="epoch"/>, <paramref name="batch"/> and the loss value.</summary>
    public TrainingDivergedException(int epoch, int batch, double loss)
        : base($"the training loss is {loss} at epoch {epoch}, batch {batch}; lower the learning rate (try LrFind) or check the data")
    {
        Epoch = epoch;
        Batch = batch;
        LossValue = loss;
    }

    /// <summary>Creates the exception with a message.</summary>
    public TrainingDivergedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The epoch, from 0.</summary>
    public int Epoch { get; }

    /// <summary>The batch within the epoch, from 0.</summary>
    public int Batch { get; }

    /// <summary>The non-finite loss.</summary>
    public double LossValue { get; }
}
