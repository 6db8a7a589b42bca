using System.Text;
using SsprTools.Engine.Diagnosis;

namespace SsprTools.Engine.Tests.Support;

/// <summary>
/// User principal names for property tests: a seeded mix of plain letters, the characters URLs and OData treat
/// specially ('#', '%', '?', '&amp;', '+', '\'', '^', '~', '!', '$', a leading '$'), non-ASCII letters (one outside the
/// BMP), B2B guest shapes (…#EXT#@…), plus real-shaped examples. Each is one the engine accepts as a UPN.
/// </summary>
internal static class UpnGenerator
{
    private const string Plain = "abcxyzABZ0179._-";
    private const string Special = "#%?&+'^~!$";
    private static readonly string[] NonAscii = ["\u00eb", "\u00fc", "\u00df", "\u00e7", "\u00f1", "\u00f8", "\u0142", "\u4e2d", "\ud835\udd18"];
    private static readonly string[] Domains = ["contoso.com", "contoso.onmicrosoft.com", "m\u00fcller.example"];

    /// <summary>Shapes seen in real tenants, and the ones most likely to break an encoder.</summary>
    public static readonly string[] RealShaped =
    [
        .. RealNames.All,
        "john.o'smith_tailspintoys.com#EXT#@contoso.onmicrosoft.com",
        "first.last@contoso.com",
        "100%real@contoso.com",
        "a%2Bb@contoso.com",        // a literal "%2B" must arrive as %252B, not as '+'
        "a%23b@contoso.com",
        "what?@contoso.com",
        "r&d@contoso.com",
        "$admin@contoso.com",
        "$$@contoso.com",
        "x=y;z,w@contoso.com",
        "#EXT#@contoso.com",
        "~tilde!bang^caret@contoso.com",
        "\u00e5sa.\u00f8berg@contoso.com",
    ];

    public static IEnumerable<string> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var produced = 0;
        while (produced < count)
        {
            var upn = random.Next(4) == 0 ? Guest(random) : Member(random);
            if (UserReference.TryParse(upn) is { Kind: UserReferenceKind.UserPrincipalName } reference && reference.Value == upn)
            {
                produced++;
                yield return upn;
            }
        }
    }

    private static string Member(Random random)
    {
        var local = Local(random, random.Next(1, 16));
        if (random.Next(6) == 0)
        {
            local = "$" + local;
        }

        return local + "@" + Domains[random.Next(Domains.Length)];
    }

    // A B2B guest: the home UPN with '@' replaced by '_', then #EXT# and the resource tenant's domain.
    private static string Guest(Random random) =>
        Local(random, random.Next(1, 10)) + "_" + Domains[random.Next(Domains.Length)] + "#EXT#@contoso.onmicrosoft.com";

    private static string Local(Random random, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(3) switch
            {
                0 => Special[random.Next(Special.Length)].ToString(),
                1 => NonAscii[random.Next(NonAscii.Length)],
                _ => Plain[random.Next(Plain.Length)].ToString(),
            });
        }

        return text.ToString();
    }
}
