using System.Reflection;
using SsprTools.Model;

namespace SsprTools.Isolation;

/// <summary>
/// The SsprTools.Model assembly the cmdlets were bound to (loaded beside SsprTools.dll through the manifest's
/// RequiredAssemblies). Kept in its own class so that naming a model type never runs inside ModuleInitializer's
/// own methods before the module is set up.
/// </summary>
internal static class ModelAssembly
{
    public static Assembly Loaded => typeof(ResetPrediction).Assembly;
}
