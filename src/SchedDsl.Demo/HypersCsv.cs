using System.Globalization;
using SchedDsl.Torch;

namespace SchedDsl.Demo;

/// <summary>
/// <c>--hypers-csv</c>: one row per trained batch, <c>step,epoch,samples,pos</c> then every scheduled hyper-parameter
/// of every layer group (<c>lr_0</c>, <c>mom_0</c>, …). Each row is flushed as it is written, so a run killed and
/// resumed keeps the rows up to its checkpoint and appends the rest: the file holds every batch of the fit.
/// </summary>
internal sealed class HypersCsv(string path, bool resuming) : Callback, IDisposable
{
    private static readonly string[] Columns = ["step", "epoch", "samples", "pos"];

    private StreamWriter? _writer;
    private HyperParameter[] _hypers = [];
    private int _groups;

    public override void BeforeFit(FitContext context)
    {
        _hypers = [.. context.Recorder.Hypers.Hypers];
        _groups = context.Recorder.Hypers.GroupCount;
        var header = string.Join(',', Columns.Concat(_hypers.SelectMany(h => Enumerable.Range(0, _groups).Select(g => $"{h.FastaiName()}_{g}"))));
        // A resumed fit keeps the rows of the batches before its checkpoint; rows a killed run wrote after it are trained again.
        var kept = resuming && File.Exists(path)
            ? File.ReadLines(path).Skip(1).TakeWhile(line => int.Parse(line.AsSpan(0, line.IndexOf(',', StringComparison.Ordinal)), CultureInfo.InvariantCulture) < context.Progress.Step).ToList()
            : [];
        _writer = new StreamWriter(path, append: false);
        _writer.WriteLine(header);
        foreach (var line in kept)
        {
            _writer.WriteLine(line);
        }
        _writer.Flush();
    }

    public override void AfterBatch(FitContext context)
    {
        var writer = _writer!;
        var samples = context.Recorder.Samples[^1];
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{context.Iteration - 1},{context.Epoch},{samples},{context.Position:R}"));
        foreach (var hyper in _hypers)
        {
            for (var g = 0; g < _groups; g++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",{context.Hypers[hyper, g]:R}"));
            }
        }
        writer.WriteLine();
        writer.Flush();
    }

    public override void AfterFit(FitContext context) => Dispose();

    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
    }
}
