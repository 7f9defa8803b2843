using static TorchSharp.torch;

namespace SchedDsl.Torch;

public sealed partial class Learner
{
    /// <summary>
    /// The tokens of one training batch, for the <see cref="ClockUnit.Tokens"/> clock of sequence models: called with the
    /// batch's input and target as the training data yields them (before they move to the model's device), it returns
    /// the batch's token count, &gt;= 0 (e.g. <c>(input, target) =&gt; target.ne(padId).sum().item&lt;long&gt;()</c>).
    /// Null (the default) on the other clocks; a fit on the tokens clock without it is refused before it starts.
    /// </summary>
    /// <remarks>
    /// When a fit on the tokens clock starts, the learner calls it on every batch of epoch 0 to find an epoch's tokens;
    /// the fit's total is the fit's epochs times that. Then it is called once per trained batch. Each epoch should hold
    /// the same tokens (it does when the count is per sample, whatever the shuffle); a later epoch that counts more
    /// holds the schedules at their end value rather than passing it. A count that reads the device (<c>item</c>)
    /// synchronises once more per batch.
    /// </remarks>
    public Func<Tensor, Tensor, long>? TokensPerBatch { get; set; }

    /// <summary>The tokens of an epoch of the training data, counted by <see cref="TokensPerBatch"/> over epoch 0's batches.</summary>
    /// <exception cref="InvalidOperationException"><see cref="TokensPerBatch"/> is null, returned a negative count, or counted no token.</exception>
    internal long TokensPerEpoch()
    {
        if (TokensPerBatch is null)
        {
            throw new InvalidOperationException("the Tokens clock needs Learner.TokensPerBatch, the function giving each batch's token count "
                + "(e.g. (input, target) => target.ne(padId).sum().item<long>()); set it, or pick another Learner.Clock");
        }
        // Enumerable.Sum of longs is checked: an overflow throws rather than wrapping.
        var total = TokensOfEpoch(0, skip: 0).Sum();
        return total >= 1
            ? total
            : throw new InvalidOperationException($"Learner.TokensPerBatch counted {total} tokens in an epoch of {Train.Count} batches; the Tokens clock needs at least one");
    }

    /// <summary>
    /// The tokens of every training batch from batch <paramref name="batch"/> of epoch <paramref name="epoch"/> on, epoch
    /// after epoch, in the order a fit reads them: where a cooldown branch's length in tokens ends is known only by
    /// counting ahead.
    /// </summary>
    internal IEnumerable<long> TokensFrom(int epoch, int batch)
    {
        for (var e = epoch; ; e++)
        {
            foreach (var tokens in TokensOfEpoch(e, skip: e == epoch ? batch : 0))
            {
                yield return tokens;
            }
        }
    }

    /// <summary>The tokens of each batch of epoch <paramref name="epoch"/> after its first <paramref name="skip"/>, each read in its own dispose scope.</summary>
    private IEnumerable<long> TokensOfEpoch(int epoch, int skip)
    {
        using var batches = Train.GetBatches(epoch).GetEnumerator();
        for (var batch = 0; ; batch++)
        {
            long tokens;
            using (NewDisposeScope())
            {
                if (!batches.MoveNext())
                {
                    yield break;
                }
                tokens = batch < skip ? -1 : TokensOf(batches.Current.Input, batches.Current.Target, epoch, batch);
            }
            if (tokens >= 0)
            {
                yield return tokens;
            }
        }
    }

    /// <summary>The tokens of one batch, checked.</summary>
    private long TokensOf(Tensor input, Tensor target, int epoch, int batch)
    {
        var tokens = TokensPerBatch!(input, target);
        return tokens >= 0
            ? tokens
            : throw new InvalidOperationException($"Learner.TokensPerBatch returned {tokens} for batch {batch} of epoch {epoch}; a batch's token count must be >= 0");
    }
}
