using System.Text.Json;
using SchedDsl.Serialization;

namespace SchedDsl.Testing;

public static partial class SchedLaws
{
    /// <summary>The text form parses back to an equal schedule: <c>Sched.Parse(s.ToString()) == s</c>.</summary>
    /// <param name="sched">The schedule.</param>
    /// <param name="customAnnealers">The custom annealers it uses (the text names them; parsing needs them).</param>
    /// <exception cref="SchedLawException">The text does not parse, or parses to another schedule.</exception>
    public static void RoundTripsThroughText(Sched sched, params AnnealerFactory[] customAnnealers)
    {
        ArgumentNullException.ThrowIfNull(sched);
        var text = sched.ToString();
        Sched back;
        try
        {
            back = Sched.Parse(text, customAnnealers);
        }
        catch (FormatException e)
        {
            throw new SchedLawException("text round trip", text, null, $"its text does not parse: {e.Message}", e);
        }
        if (back != sched)
        {
            throw new SchedLawException("text round trip", text, null, $"parses back as another schedule, {back}");
        }
    }

    /// <summary>
    /// The JSON parses back to an equal schedule, through <see cref="SchedJson"/> and through
    /// <see cref="JsonSerializer"/> with <see cref="SchedJsonConverter"/> (the way a config file holds one).
    /// </summary>
    /// <param name="sched">The schedule.</param>
    /// <param name="customAnnealers">The custom annealers it uses.</param>
    /// <exception cref="SchedLawException">The JSON does not read back, or reads back as another schedule.</exception>
    public static void RoundTripsThroughJson(Sched sched, params AnnealerFactory[] customAnnealers)
    {
        ArgumentNullException.ThrowIfNull(sched);
        var options = new JsonSerializerOptions { Converters = { new SchedJsonConverter(customAnnealers) } };
        foreach (var (route, json, read) in new (string, Func<Sched, string>, Func<string, Sched?>)[]
        {
            ("SchedJson", s => SchedJson.Serialize(s), j => SchedJson.Deserialize(j, customAnnealers)),
            ("JsonSerializer", s => JsonSerializer.Serialize(s, options), j => JsonSerializer.Deserialize<Sched>(j, options)),
        })
        {
            var written = json(sched);
            Sched? back;
            try
            {
                back = read(written);
            }
            catch (JsonException e)
            {
                throw new SchedLawException($"JSON round trip ({route})", sched.ToString(), null, $"{written} does not read back: {e.Message}", e);
            }
            if (back != sched)
            {
                throw new SchedLawException($"JSON round trip ({route})", sched.ToString(), null, $"{written} reads back as another schedule, {back}");
            }
        }
    }
}
