using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using SsprTools.Engine.Diagnosis;

namespace SsprTools.Engine.Completion;

/// <summary>
/// The one Graph read behind -UserId completion: GET /users?$filter=startswith(userPrincipalName,'…')
/// with $select and $top. startsWith on userPrincipalName is a default (not advanced) filter, so it
/// needs no ConsistencyLevel header (user-list.md); User.Read.All or Directory Readers suffice.
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
                request.QueryParameters.Filter = $"startswith(userPrincipalName,{ODataLiteral.Quote(prefix)})";
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
