using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Tests;

/// <summary>Response examples from Microsoft's Graph API reference, used as shape contracts (keys and JSON kinds).</summary>
internal static class DocumentedExamples
{
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>api-reference/v1.0/api/authorizationpolicy-get.md, response example.</summary>
    public const string AuthorizationPolicy = """
        {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#policies/authorizationPolicy/$entity",
          "id": "authorizationPolicy",
          "allowInvitesFrom": "everyone",
          "allowedToSignUpEmailBasedSubscriptions": true,
          "allowedToUseSSPR": true,
          "allowEmailVerifiedUsersToJoinOrganization": true,
          "allowUserConsentForRiskyApps": false,
          "blockMsolPowerShell": null,
          "displayName": "Authorization Policy",
          "description": "Used to manage authorization related settings across the company.",
          "defaultUserRolePermissions": {
            "allowedToCreateApps": true,
            "allowedToCreateSecurityGroups": true,
            "allowedToReadOtherUsers": true,
            "permissionGrantPoliciesAssigned": ["just-user-read"]
          }
        }
        """;
}
