using System.Text.Json.Nodes;
using SsprTools.GraphSimulator.Tenant;

namespace SsprTools.GraphSimulator.Representations;

/// <summary>The group resource (api-reference/v1.0/resources/group.md), security groups only.</summary>
internal static class GroupJson
{
    public const string Type = "#microsoft.graph.group";

    private static readonly RenderCache<GroupRecord> Cache = new(g => new JsonObject
    {
        ["id"] = g.Id,
        ["deletedDateTime"] = null,
        ["classification"] = null,
        ["createdDateTime"] = Json.Date(g.CreatedDateTime),
        ["description"] = g.Description,
        ["displayName"] = g.DisplayName,
        ["groupTypes"] = new JsonArray(),
        ["isAssignableToRole"] = g.IsAssignableToRole,
        ["mail"] = null,
        ["mailEnabled"] = g.MailEnabled,
        ["mailNickname"] = g.MailNickname,
        ["onPremisesSyncEnabled"] = null,
        ["securityEnabled"] = g.SecurityEnabled,
        ["securityIdentifier"] = "S-1-12-1-" + string.Join('-', Guid.Parse(g.Id).ToByteArray().Chunk(4).Select(c => BitConverter.ToUInt32(c))),
        ["visibility"] = null,
    });

    public static JsonObject Full(GroupRecord group) => Cache.Get(group);
}

/// <summary>The directoryRole resource (api-reference/v1.0/resources/directoryrole.md).</summary>
internal static class DirectoryRoleJson
{
    public const string Type = "#microsoft.graph.directoryRole";

    private static readonly RenderCache<DirectoryRoleRecord> Cache = new(r => new JsonObject
    {
        ["id"] = r.Id,
        ["deletedDateTime"] = null,
        ["description"] = r.Description,
        ["displayName"] = r.DisplayName,
        ["roleTemplateId"] = r.RoleTemplateId,
    });

    public static JsonObject Full(DirectoryRoleRecord role) => Cache.Get(role);
}

/// <summary>Items of directoryObject collections (memberOf, members): each carries @odata.type (directoryrole-list-members.md).</summary>
internal static class DirectoryObjectJson
{
    public static JsonObject Render(TenantState tenant, string objectId, bool selecting)
    {
        if (tenant.FindUser(objectId) is { } user)
            return UserJson.AsDirectoryObject(tenant, user, selecting);
        if (tenant.FindGroup(objectId) is { } group)
            return Json.Typed(GroupJson.Type, GroupJson.Full(group));
        if (tenant.Directory.RoleById(objectId) is { } role)
            return Json.Typed(DirectoryRoleJson.Type, DirectoryRoleJson.Full(role));
        return new JsonObject { ["@odata.type"] = "#microsoft.graph.directoryObject", ["id"] = objectId };
    }
}
