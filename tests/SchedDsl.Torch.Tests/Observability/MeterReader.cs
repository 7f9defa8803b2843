using System.Diagnostics.Metrics;

namespace SchedDsl.Torch.Tests;

/// <summary>A <see cref="MeterListener"/> on the SchedDsl meter, as dotnet-counters or OpenTelemetry attach one: counters' measurements as they come, gauges on <see cref="Collect"/>.</summary>
internal sealed class MeterReader : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<Reading> _counted = [];
    private List<Reading>? _collecting;

    public MeterReader()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SchedDslMeter.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>What the synchronous instruments (counters) have measured so far.</summary>
    public IReadOnlyList<Reading> Counted => _counted;

    /// <summary>Collects the observable instruments now, as an exporter does on its interval.</summary>
    public IReadOnlyList<Reading> Collect()
    {
        _collecting = [];
        _listener.RecordObservableInstruments();
        var readings = _collecting;
        _collecting = null;
        return readings;
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        int? group = null;
        foreach (var tag in tags)
        {
            if (tag.Key == SchedDslMeter.LayerGroupTag)
            {
                group = (int)tag.Value!;
            }
        }
        var reading = new Reading(instrument.Name, instrument.Unit, value, group);
        if (instrument.IsObservable)
        {
            _collecting?.Add(reading);
        }
        else
        {
            _counted.Add(reading);
        }
    }

    internal readonly record struct Reading(string Instrument, string? Unit, double Value, int? Group);
}
