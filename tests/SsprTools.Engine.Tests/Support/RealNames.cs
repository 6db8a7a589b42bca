namespace SsprTools.Engine.Tests.Support;

/// <summary>The real-names scenario (tests/module/scenarios/real-names.json, copied next to the tests): users with the UPNs real tenants have.</summary>
internal static class RealNames
{
    public const string Guest = "partner_fabrikam.com#EXT#@contoso.com";      // B2B guest, Helpdesk Administrator
    public const string Hash = "ops#7@contoso.com";                            // Global Administrator
    public const string Apostrophe = "o'neil@contoso.com";
    public const string Dollar = "$svc.admin@contoso.com";                     // User Administrator
    public const string NonAscii = "zo\u00eb.m\u00fcller@contoso.com";
    public const string Plus = "a+b@contoso.com";
    public const string Symbols = "x^y~z!@contoso.com";

    public static readonly string[] All = [Guest, Hash, Apostrophe, Dollar, NonAscii, Plus, Symbols];

    public static string ScenarioPath => Path.Combine(AppContext.BaseDirectory, "Scenarios", "real-names.json");
}
