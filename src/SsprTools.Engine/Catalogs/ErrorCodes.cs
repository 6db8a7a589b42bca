using System.Collections.Generic;
using System.Linq;

namespace SsprTools.Engine.Catalogs;

/// <summary>Sets of SSPR codes: ordered as the portal checks them, and named in one phrase.</summary>
internal static class ErrorCodes
{
    /// <summary>The distinct <paramref name="codes"/> in portal order, without <paramref name="except"/>.</summary>
    public static string[] Alternatives(string? except, IEnumerable<string> codes) =>
        codes.Where(c => c != except).Distinct().OrderBy(SsprErrorCode.CheckOrder).ToArray();

    /// <summary>"SSPR_0009", or "SSPR_0009 or SSPR_0011" when the code is one of several.</summary>
    public static string Either(string predicted, IReadOnlyList<string> alternatives) =>
        alternatives.Count == 0 ? predicted : predicted + " or " + string.Join(" or ", alternatives);
}
