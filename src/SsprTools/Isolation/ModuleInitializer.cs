using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace SsprTools.Isolation;

/// <summary>
/// Runs on Import-Module. It only hooks assembly resolution; nothing heavy happens here, so import
/// stays fast and the engine (with Microsoft.Graph and Azure.Identity) loads on first use.
/// On PowerShell 7 the engine loads into <see cref="EngineLoadContext"/>, isolated from whatever
/// Azure.Core, MSAL or Graph.Core versions other modules already loaded. On Windows PowerShell 5.1
/// an AssemblyResolve handler serves Dependencies/ (built for, not tested here).
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    internal const string EngineAssemblyName = "SsprTools.Engine";

    internal const string ModelAssemblyName = "SsprTools.Model";

    internal static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

    internal static readonly string DependencyDirectory = Path.Combine(ModuleDirectory, "Dependencies");

    private static readonly bool IsWindowsPowerShell =
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    public void OnImport()
    {
        if (IsWindowsPowerShell)
        {
            AppDomain.CurrentDomain.AssemblyResolve += ResolveOnDesktop;
        }
        else
        {
            CoreResolution.Hook();
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (IsWindowsPowerShell)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveOnDesktop;
        }
        else
        {
            CoreResolution.Unhook();
        }
    }

    // .NET Framework has one load context, so every dependency must be served from here. The engine,
    // loaded with LoadFile, does not see the SsprTools.Model the manifest loaded beside SsprTools.dll:
    // it is handed that same assembly, never a second copy, so the types stay the ones users name.
    private static Assembly? ResolveOnDesktop(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (string.Equals(name, ModelAssemblyName, StringComparison.Ordinal))
        {
            return ModelAssembly.Loaded;
        }

        var path = Path.Combine(DependencyDirectory, name + ".dll");
        return File.Exists(path) ? Assembly.LoadFile(path) : null;
    }
}
