using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Representations;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>GET /users/{id}/authentication/methods (authentication-list-methods.md): no query options, no paging.</summary>
internal static class AuthenticationMethodEndpoints
{
    public static void Map(Router router) =>
        router.Add("GET", "users/{id}/authentication/methods", DirectoryAccess.AuthenticationMethods, List);

    private static GraphResponse List(GraphCall call)
    {
        var user = call.User();
        var methods = new[] { AuthMethodJson.Password(user) }.Concat(user.Methods.Select(m => AuthMethodJson.Render(user, m)));
        return GraphResponse.Ok(new JsonObject
        {
            // An OData string literal (a quote inside is doubled), percent-encoded as in graph-api.md's example users('AdeleV%40contoso.com').
            ["@odata.context"] = call.Context($"users('{Uri.EscapeDataString(user.UserPrincipalName.Replace("'", "''"))}')/authentication/methods"),
            ["value"] = new JsonArray(methods.Select(m => (JsonNode)m).ToArray()),
        });
    }
}
