using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace SsprTools.Isolation;

/// <summary>
/// PowerShell 7 only: answers the default context's request for the engine assembly by loading it
/// into <see cref="EngineLoadContext"/>. Kept apart from ModuleInitializer so Windows PowerShell
/// never touches AssemblyLoadContext.
/// </summary>
internal static class CoreResolution
{
    private static readonly Lazy<EngineLoadContext> Context = new(() => new EngineLoadContext(ModuleInitializer.DependencyDirectory));

    public static void Hook() => AssemblyLoadContext.Default.Resolving += Resolve;

    public static void Unhook() => AssemblyLoadContext.Default.Resolving -= Resolve;

    // Loads by path, not by name: a by-name load that fell through to the default context would
    // raise this event again and recurse.
    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        // The output types: the manifest's RequiredAssemblies loads them first; should a host skip that, they still
        // come from beside the cmdlets, into this default context, never from Dependencies/.
        if (string.Equals(name.Name, ModuleInitializer.ModelAssemblyName, StringComparison.Ordinal))
        {
            var model = Path.Combine(ModuleInitializer.ModuleDirectory, ModuleInitializer.ModelAssemblyName + ".dll");
            return File.Exists(model) ? context.LoadFromAssemblyPath(model) : null;
        }

        if (!string.Equals(name.Name, ModuleInitializer.EngineAssemblyName, StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(ModuleInitializer.DependencyDirectory, ModuleInitializer.EngineAssemblyName + ".dll");
        return File.Exists(path) ? Context.Value.LoadFromAssemblyPath(path) : null;
    }
}
