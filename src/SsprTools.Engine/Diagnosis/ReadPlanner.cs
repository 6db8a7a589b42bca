using System.Threading;
using System.Threading.Tasks;
using SsprTools.Engine.Errors;
using SsprTools.Engine.Graph;

namespace SsprTools.Engine.Diagnosis;

/// <summary>
/// Chooses, per read, between per-user lookups ($batch steps, one request each for throttling) and
/// one tenant-wide paged read, by which costs Graph fewer requests. The tenant's size is counted
/// once (GET /users/$count) and only when the answer is not obvious.
/// </summary>
internal sealed class ReadPlanner
{
    /// <summary>Up to this many users a single $batch of lookups is cheaper than counting the tenant.</summary>
    public const int PerUserThreshold = GraphBatch.MaxStepsPerBatch;

    /// <summary>The largest page Graph documents for users (user-list.md); used where a collection accepts $top.</summary>
    public const int LargestPage = 999;

    private readonly GraphAccess _graph;
    private readonly GraphReader _reader;
    private int? _tenantUsers;

    public ReadPlanner(GraphAccess graph, GraphReader reader)
    {
        _graph = graph;
        _reader = reader;
    }

    public async Task<bool> PreferTenantWideAsync(int wanted, int pageSize, CancellationToken cancellationToken)
    {
        if (wanted <= PerUserThreshold)
        {
            return false;
        }

        _tenantUsers ??= await CountUsersAsync(cancellationToken).ConfigureAwait(false);
        return (_tenantUsers.Value + pageSize - 1) / pageSize < wanted;
    }

    // GET /users/$count needs ConsistencyLevel: eventual (aad-advanced-queries.md); when it fails,
    // assume a tenant too large to list and keep to per-user lookups.
    private async Task<int> CountUsersAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.GetAsync(GraphOperation.ReadUsers, () => _graph.Client.Users.Count.GetAsync(
                r => r.Headers.Add("ConsistencyLevel", "eventual"), cancellationToken)).ConfigureAwait(false) ?? int.MaxValue / 2;
        }
        catch (SsprException e) when (GraphReader.IsReadSpecific(e))
        {
            return int.MaxValue / 2;
        }
    }
}
