using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using TorchSharp.Modules;

namespace SchedDsl.Torch;

/// <summary>
/// Compiled getters and setters for a <c>double?</c> field of a TorchSharp optimizer options type
/// (<c>weight_decay</c>, <c>eps</c>, <c>momentum</c>, <c>alpha</c>): built once per options type and field name,
/// so a write per batch costs one delegate call and allocates nothing.
/// </summary>
internal sealed class OptionField
{
    private static readonly ConcurrentDictionary<(Type, string), OptionField?> Cache = new();

    private OptionField(Func<OptimizerOptions, double?> get, Action<OptimizerOptions, double?> set)
    {
        Get = get;
        Set = set;
    }

    public Func<OptimizerOptions, double?> Get { get; }

    public Action<OptimizerOptions, double?> Set { get; }

    /// <summary>The accessor for field <paramref name="name"/> of <paramref name="optionsType"/>, or null where it has none.</summary>
    public static OptionField? Find(Type optionsType, string name) =>
        Cache.GetOrAdd((optionsType, name), static key => Build(key.Item1, key.Item2));

    private static OptionField? Build(Type optionsType, string name)
    {
        var field = optionsType.GetField(name, BindingFlags.Public | BindingFlags.Instance);
        if (field is null || field.FieldType != typeof(double?))
        {
            return null;
        }
        var options = Expression.Parameter(typeof(OptimizerOptions), "options");
        var value = Expression.Parameter(typeof(double?), "value");
        var typed = Expression.Field(Expression.Convert(options, optionsType), field);
        var get = Expression.Lambda<Func<OptimizerOptions, double?>>(typed, options).Compile();
        var set = Expression.Lambda<Action<OptimizerOptions, double?>>(Expression.Assign(typed, value), options, value).Compile();
        return new OptionField(get, set);
    }
}
