using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Representations;

/// <summary>
/// Full JSON representations of immutable directory objects, built once: a 10,000-user sweep then renders each user
/// once instead of once per page. Callers must copy (Project/DeepClone) before changing or re-parenting a result.
/// </summary>
internal static class RenderCache<T> where T : class
{
    private static readonly ConditionalWeakTable<T, JsonObject> Cache = new();

    public static JsonObject Get(T item, Func<T, JsonObject> render) => Cache.GetValue(item, key => render(key));
}
