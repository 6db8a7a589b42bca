using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Representations;

/// <summary>
/// Full JSON representations of immutable directory objects, built once: a 10,000-user sweep then renders each user
/// once instead of once per page. Each representation kind owns its own cache. Callers must copy (Project/DeepClone)
/// before changing or re-parenting a result.
/// </summary>
internal sealed class RenderCache<T>(Func<T, JsonObject> render) where T : class
{
    private readonly ConditionalWeakTable<T, JsonObject> _cache = new();

    public JsonObject Get(T item) => _cache.GetValue(item, key => render(key));
}
