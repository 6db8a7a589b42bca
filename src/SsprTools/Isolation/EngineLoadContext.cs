// How a netstandard2.0 assembly subclasses AssemblyLoadContext (the System.Runtime.Loader
// compile-time trick).
//
// netstandard2.0 has no AssemblyLoadContext to compile against, and the usual ways round that are:
// multi-target and compile the subclass only for .NET Core (rjmholt/ModuleDependencyIsolationExample,
// new/JsonModule.Cmdlets/JsonModule.Cmdlets.csproj: netcoreapp3.1;net461, Compile Remove of
// DependencyAssemblyLoadContext.cs for net461); reach the runtime's type by reflection
// (PowerShell/PSResourceGet's AssemblyLoadContextProxy, src/code/ModuleInitAndCleanup.cs; the approach of
// daxian-dbw/PowerShell-ALC-Samples, Targeting-NetStandard2.0/README.md); or put the subclass in a small
// Core-only assembly (Az, src/Accounts/AuthenticationAssemblyLoadContext). This project does a fourth
// thing, keeping one netstandard2.0 build and a real subclass:
//
// - Compile time: SsprTools.csproj references the System.Runtime.Loader 4.3.0 package with
//   ExcludeAssets="runtime" and PrivateAssets="all". Its ref/netstandard1.5/System.Runtime.Loader.dll
//   (assembly version 4.0.0.0) declares the .NET Core 1.x surface of AssemblyLoadContext, and a
//   netstandard2.0 project may compile against it. So this class derives from AssemblyLoadContext and
//   overrides Load, and SsprTools.dll records a reference to "System.Runtime.Loader, Version=4.0.0.0".
// - Run time (PowerShell 7.4+, .NET 8+): the runtime ships System.Runtime.Loader as a platform assembly
//   (version 8.0.0.0 and up), which forwards AssemblyLoadContext to System.Private.CoreLib; the default
//   context answers a request for version 4.0.0.0 with that higher platform version. The base class is
//   therefore the runtime's own AssemblyLoadContext. ExcludeAssets="runtime" keeps the package's own
//   implementation out of the build output, and PrivateAssets="all" keeps the package out of any
//   dependency list, so nothing but the runtime's copy is ever loaded.
// - Limits: the 1.x surface has only the parameterless constructor (no name, not collectible; the
//   context shows as "" and tests find it by its type name), Load, LoadFromAssemblyPath,
//   LoadFromAssemblyName, Default, Resolving and GetLoadContext; nothing newer (Name, Assemblies, All,
//   AssemblyDependencyResolver) can be called from here.
// - Windows PowerShell 5.1 (.NET Framework): there is no System.Runtime.Loader (the package's lib/net462
//   is an empty placeholder), so loading this type there fails. Only CoreResolution uses it, and
//   ModuleInitializer reaches CoreResolution only when not on .NET Framework; 5.1 takes the
//   AssemblyResolve path instead. 5.1 is built for, not supported or tested: the manifest claims
//   PowerShell 7.4+ (Core) only.
//
// What this context serves is tested in both import orders, with older and newer Azure.Core, MSAL and
// Microsoft.Graph.Core already or later in the default context: tests/module/Isolation.Tests.ps1.

using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace SsprTools.Isolation;

/// <summary>
/// Loads the engine and its dependencies (Microsoft.Graph, Kiota, Azure.Identity, MSAL, Azure.Core)
/// from Dependencies/. Assemblies the runtime or PowerShell already ship at the same or a newer
/// version are left to the default context, so framework types stay shared.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private readonly string _directory;
    private readonly Dictionary<string, string> _platformPaths = PlatformAssemblyPaths();

    public EngineLoadContext(string directory) => _directory = directory;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // The output classes must be the default context's copy, the one [SsprTools.Model.ResetPrediction],
        // -is and the cmdlets' OutputType name; a second copy here would be a different type.
        if (string.Equals(assemblyName.Name, ModuleInitializer.ModelAssemblyName, StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(_directory, assemblyName.Name + ".dll");
        if (!File.Exists(path))
        {
            return null;
        }

        if (_platformPaths.TryGetValue(assemblyName.Name ?? string.Empty, out var platformPath)
            && VersionOf(platformPath) is { } platform && assemblyName.Version is not null && platform >= assemblyName.Version)
        {
            return null;
        }

        return LoadFromAssemblyPath(path);
    }

    // The runtime's trusted platform assemblies: the shared framework plus PowerShell's own folder.
    private static Dictionary<string, string> PlatformAssemblyPaths()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
        {
            foreach (var path in list.Split(Path.PathSeparator))
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (name.Length > 0 && !paths.ContainsKey(name))
                {
                    paths[name] = path;
                }
            }
        }

        return paths;
    }

    private static Version? VersionOf(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Version;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException)
        {
            return null;
        }
    }
}
