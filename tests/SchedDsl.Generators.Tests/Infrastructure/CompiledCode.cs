using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SchedDsl.Generators.Tests.Infrastructure;

/// <summary>Emits a generated compilation and runs a static method in it, in a collectible load context.</summary>
internal static class CompiledCode
{
    /// <summary>Calls <c>public static string Run()</c> on <paramref name="typeName"/> and returns its result.</summary>
    public static string Run(Compilation compilation, string typeName = "Program")
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("UserCode", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            var method = assembly.GetType(typeName, throwOnError: true)!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
            try
            {
                return (string)method.Invoke(null, null)!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                return "threw " + e.InnerException.GetType().Name + ": " + e.InnerException.Message;
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
