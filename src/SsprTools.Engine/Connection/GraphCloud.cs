using System;

namespace SsprTools.Engine.Connection;

/// <summary>
/// The national clouds Microsoft Graph is deployed to, with their documented Graph and sign-in hosts
/// (Graph docs, "National cloud deployments"). Tokens are not interchangeable between clouds.
/// </summary>
public sealed class GraphCloud
{
    public static readonly GraphCloud Global = new("Global", "https://graph.microsoft.com", "https://login.microsoftonline.com");
    public static readonly GraphCloud USGov = new("USGov", "https://graph.microsoft.us", "https://login.microsoftonline.us");
    public static readonly GraphCloud USGovDoD = new("USGovDoD", "https://dod-graph.microsoft.us", "https://login.microsoftonline.us");
    public static readonly GraphCloud China = new("China", "https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn");

    private GraphCloud(string name, string graphRoot, string authorityHost)
    {
        Name = name;
        GraphRoot = new Uri(graphRoot);
        AuthorityHost = new Uri(authorityHost);
    }

    public string Name { get; }

    public Uri GraphRoot { get; }

    public Uri AuthorityHost { get; }

    public static GraphCloud FromName(string? name)
    {
        foreach (var cloud in new[] { Global, USGov, USGovDoD, China })
        {
            if (string.Equals(cloud.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return cloud;
            }
        }

        return Global;
    }
}
