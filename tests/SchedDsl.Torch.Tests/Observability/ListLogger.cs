using Microsoft.Extensions.Logging;

namespace SchedDsl.Torch.Tests;

/// <summary>An <see cref="ILogger"/> that keeps every entry at or above <paramref name="minimum"/>, rendered as a provider renders it.</summary>
internal sealed class ListLogger(LogLevel minimum = LogLevel.Trace) : ILogger
{
    public List<Entry> Entries { get; } = [];

    public IEnumerable<string?> Events => Entries.Select(e => e.Id.Name);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Entries.Add(new Entry(logLevel, eventId, formatter(state, exception), exception));
        }
    }

    internal sealed record Entry(LogLevel Level, EventId Id, string Message, Exception? Exception);
}
