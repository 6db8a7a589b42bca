using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>Every simulated Graph endpoint; anything else answers 501.</summary>
internal static class GraphRoutes
{
    public static Router Build()
    {
        var router = new Router();
        AuthorizationPolicyEndpoints.Map(router);
        return router;
    }
}
