namespace SchedDsl.Torch;

/// <summary>
/// A checkpoint was refused: the file is damaged or truncated, or it belongs to another model, optimizer or fit. The
/// message names what differs. When it is thrown, nothing in the learner has changed.
/// </summary>
public sealed class CheckpointException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CheckpointException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CheckpointException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CheckpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
