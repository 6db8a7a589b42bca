using SsprTools.GraphSimulator.OData;
using SsprTools.GraphSimulator.Pipeline;
using SsprTools.GraphSimulator.Representations;

namespace SsprTools.GraphSimulator.Endpoints;

/// <summary>/groups/{id}, /members, /transitiveMembers (group-get.md, group-list-members.md, group-list-transitivemembers.md).</summary>
internal static class GroupEndpoints
{
    private static readonly CollectionSpec Members = new("directoryObjects", "directoryObject")
    {
        Polymorphic = true,
        Filter = new FilterRules("DirectoryObject", new() { ["id"] = FilterOps.Basic, ["displayName"] = FilterOps.Basic | FilterOps.StartsWith }),
        FilterNeedsEventual = true,
    };

    public static void Map(Router router)
    {
        router.Add("GET", "groups/{id}", DirectoryAccess.Groups, Get);
        router.Add("GET", "groups/{id}/members", DirectoryAccess.Groups, c => List(c, ReadableGroup(c).MemberIds));
        router.Add("GET", "groups/{id}/members/$count", DirectoryAccess.Groups, c => CountSegment.Respond(c, ReadableGroup(c).MemberIds.Count));
        router.Add("GET", "groups/{id}/transitiveMembers", DirectoryAccess.Groups, c => List(c, c.Tenant.Directory.TransitiveMembers(ReadableGroup(c).Id)));
        router.Add("GET", "groups/{id}/transitiveMembers/$count", DirectoryAccess.Groups,
            c => CountSegment.Respond(c, c.Tenant.Directory.TransitiveMembers(ReadableGroup(c).Id).Count));
    }

    // A scenario group flagged membersUnreadable stands for one the caller lacks rights to: 403 as graph-api.md §1 shows.
    private static Tenant.GroupRecord ReadableGroup(GraphCall call) =>
        call.Group() is { MembersUnreadable: true } ? throw GraphError.Forbidden() : call.Group();

    private static GraphResponse Get(GraphCall call) =>
        GraphResponse.Ok(Representation.Entity(call, GroupJson.Full(call.Group()), "groups", "group"));

    private static GraphResponse List(GraphCall call, IEnumerable<string> memberIds) =>
        ODataCollection.Respond(call, Members, memberIds, id => DirectoryObjectJson.Render(call.Tenant, id, call.Selecting));
}
