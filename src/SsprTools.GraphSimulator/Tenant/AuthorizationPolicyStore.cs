using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tenant;

/// <summary>
/// The tenant's single authorizationPolicy. Writes become visible to readers only after the configured
/// replication delay (Entra: "can take up to 60 minutes to take effect", concept-sspr-policy.md).
/// </summary>
internal sealed class AuthorizationPolicyStore
{
    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private JsonObject _current;
    private JsonObject _visibleBeforeLastWrite;
    private DateTimeOffset _visibleFrom = DateTimeOffset.MinValue;

    public AuthorizationPolicyStore(JsonObject? overrides, TimeProvider clock)
    {
        _clock = clock;
        _current = AuthorizationPolicyShape.Default();
        if (overrides is not null)
            foreach (var (name, value) in overrides)
                _current[name] = value?.DeepClone();
        _visibleBeforeLastWrite = (JsonObject)_current.DeepClone();
    }

    /// <summary>What a reader sees now (a copy).</summary>
    public JsonObject Read()
    {
        lock (_gate)
            return (JsonObject)(_clock.GetUtcNow() < _visibleFrom ? _visibleBeforeLastWrite : _current).DeepClone();
    }

    /// <summary>The written state regardless of replication (for the admin API and tests).</summary>
    public JsonObject ReadLatest()
    {
        lock (_gate)
            return (JsonObject)_current.DeepClone();
    }

    public void Apply(JsonObject changes, TimeSpan visibilityDelay)
    {
        lock (_gate)
        {
            // A write during the lag window keeps the value readers currently see until the new delay ends.
            var now = _clock.GetUtcNow();
            _visibleBeforeLastWrite = (JsonObject)(now < _visibleFrom ? _visibleBeforeLastWrite : _current).DeepClone();
            var next = (JsonObject)_current.DeepClone();
            foreach (var (name, value) in changes)
                AuthorizationPolicyShape.Merge(next, name, value);
            _current = next;
            _visibleFrom = now + visibilityDelay;
        }
    }

    public bool AllowedToUseSspr
    {
        get { lock (_gate) return _current["allowedToUseSSPR"]?.GetValue<bool>() ?? false; }
    }
}
