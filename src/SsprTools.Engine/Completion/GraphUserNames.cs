using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using SsprTools.Engine.Diagnosis;

namespace SsprTools.Engine.Completion;

/// <summary>
/// The one Graph read behind -UserId completion:
/// GET /users?$filter=startswith(userPrincipalName,'…') or startswith(displayName,'…') with $select and $top.
/// startsWith on both, joined by or, is a default (not advanced) filter, Graph's own people-picker example
/// (query-parameters.md), so it needs no ConsistencyLevel header; User.Read.All or Directory Readers suffice.
/// </summary>
internal static class GraphUserNames
{
    private static readonly string[] Select = { "userPrincipalName", "displayName" };

    public static async Task<UserNameAnswer> FetchAsync(GraphServiceClient client, string prefix, CancellationToken cancellationToken)
    {
        var page = await client.Users.GetAsync(request =>
        {
            request.QueryParameters.Select = Select;
            request.QueryParameters.Top = UserNameCompleter.PageSize;
            if (prefix.Length > 0)
            {
                var literal = ODataLiteral.Quote(prefix);
                request.QueryParameters.Filter = $"startswith(userPrincipalName,{literal}) or startswith(displayName,{literal})";
            }
        }, cancellationToken).ConfigureAwait(false);

        var users = (page?.Value ?? new())
            .Where(user => !string.IsNullOrEmpty(user.UserPrincipalName))
            .Select(user => new UserNameSuggestion(user.UserPrincipalName!, user.DisplayName))
            .ToList();
        var complete = string.IsNullOrEmpty(page?.OdataNextLink) && users.Count < UserNameCompleter.PageSize;
        return new UserNameAnswer(users, complete);
    }
}
