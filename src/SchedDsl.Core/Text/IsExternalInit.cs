#nullable enable
#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices
{
    /// <summary>Lets records compile when this folder is linked into the netstandard2.0 source generator.</summary>
    internal static class IsExternalInit
    {
    }
}
#endif
