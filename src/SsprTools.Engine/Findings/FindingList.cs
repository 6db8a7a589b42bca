using System.Collections.Generic;
using System.Linq;
using SsprTools.Model;

namespace SsprTools.Engine.Findings;

/// <summary>Orders and de-duplicates findings: one finding per code (the first), errors before warnings before information,
/// rule order kept within a severity.</summary>
internal static class FindingList
{
    public static IReadOnlyList<Finding> Distinct(IEnumerable<Finding> findings)
    {
        var seen = new HashSet<string>();
        return findings.Where(f => seen.Add(f.Code)).ToList();
    }

    public static Finding[] Ordered(IEnumerable<Finding> findings) =>
        Distinct(findings).OrderBy(f => Rank(f.Severity)).ToArray();

    private static int Rank(string severity) => severity switch
    {
        FindingSeverity.Error => 0,
        FindingSeverity.Warning => 1,
        _ => 2,
    };
}
