using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SchedDsl.Serialization;
using SchedDsl.Text;
using Xunit;

namespace SchedDsl.Core.Tests.Text;

/// <summary>
/// The fast paths for numbers must give exactly what they skip: the lexer's <see cref="DecimalFastPath"/> the bits of
/// <c>double.Parse</c>, and the JSON writer's <see cref="JsonNumbers"/> the bytes of <see cref="Utf8JsonWriter.WriteNumberValue(double)"/>.
/// </summary>
public sealed class NumberFastPathTests
{
    // Short decimals (what schedules are written with), their neighbours, and arbitrary doubles.
    private static IEnumerable<double> Doubles(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var digits = random.Next(1, 18);
            var significand = (long)(random.NextDouble() * Math.Pow(10, digits));
            var value = significand * Math.Pow(10, random.Next(-25, 25));
            value = (i % 4) switch
            {
                0 => value,
                1 => double.Parse($"{significand}e{random.Next(-25, 25)}", CultureInfo.InvariantCulture),
                2 => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) + random.Next(-2, 3)),
                _ => BitConverter.Int64BitsToDouble(random.NextInt64()),
            };
            yield return random.Next(2) == 0 ? value : -value;
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+0.5")]
    [InlineData("1e-4")]
    [InlineData("1E+22")]
    [InlineData("1e23")]
    [InlineData("9007199254740993")]
    [InlineData("0.30000000000000004")]
    [InlineData("5.")]
    [InlineData(".25")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("1e-400")]
    public void The_lexers_fast_path_gives_double_Parses_bits_where_it_applies(string text) => AssertParsesAsDoubleParse(text);

    [Fact]
    public void The_lexers_fast_path_gives_double_Parses_bits_on_random_numbers()
    {
        var random = new Random(11);
        foreach (var value in Doubles(12, 100_000))
        {
            if (!double.IsFinite(value))
            {
                continue;
            }
            // The shortest form, and a fixed-point form with up to 20 decimals (zeros to pad, digits past precision).
            AssertParsesAsDoubleParse(value.ToString("R", CultureInfo.InvariantCulture));
            AssertParsesAsDoubleParse(value.ToString($"F{random.Next(0, 21)}", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("1e-4")]
    [InlineData("25")]
    [InlineData("-0")]
    public void The_numbers_schedules_are_written_with_take_both_fast_paths(string text)
    {
        Assert.True(DecimalFastPath.TryParse(text, 0, text.Length, out var value));
        Assert.Equal(text.StartsWith('-'), JsonNumbers.TryFormat(value, new byte[40], out _) == false);
    }

    private static void AssertParsesAsDoubleParse(string text)
    {
        if (DecimalFastPath.TryParse(text, 0, text.Length, out var fast))
        {
            var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(fast),
                $"{text}: fast path {fast:R}, double.Parse {expected:R}");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(25.0)]
    [InlineData(1e5)]
    [InlineData(0.3)]
    [InlineData(1e-4)]
    [InlineData(9.99e-5)]
    [InlineData(1e15)]
    [InlineData(999999999999999.0)]
    [InlineData(0.1 + 0.2)]
    [InlineData(-1000.0)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    public void The_writers_fast_path_writes_the_bytes_of_WriteNumberValue(double value) => AssertWritesAsWriter(value);

    [Fact]
    public void The_writers_fast_path_writes_the_bytes_of_WriteNumberValue_on_random_numbers()
    {
        // -0 is a separate case here: the analyzer counts it a duplicate of 0 in InlineData.
        AssertWritesAsWriter(-0.0);
        foreach (var value in Doubles(13, 200_000))
        {
            if (double.IsFinite(value))
            {
                AssertWritesAsWriter(value);
            }
        }
    }

    private static void AssertWritesAsWriter(double value)
    {
        var fast = Written(writer => JsonNumbers.Write(writer, value));
        var expected = Written(writer => writer.WriteNumberValue(value));
        Assert.True(expected == fast, $"{value:R}: fast path {fast}, writer {expected}");
    }

    private static string Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
