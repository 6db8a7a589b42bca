#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices;

// Lets netstandard2.0 use records and init-only setters; the net8.0 build uses the runtime's own type.
internal static class IsExternalInit
{
}
#endif
