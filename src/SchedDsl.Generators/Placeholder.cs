namespace SchedDsl.Generators;

internal static class Placeholder
{
}
