using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace SsprTools.Infrastructure;

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
