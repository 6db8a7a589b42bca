namespace SsprTools.Engine.Diagnosis;

/// <summary>
/// Quotes a value for an OData $filter: single quotes are doubled (OData ABNF, SQUOTE-in-string),
/// so a UPN like o'neil@contoso.com cannot end the literal and inject a clause. Percent-encoding of
/// the whole query option is the SDK's job (URI template expansion).
/// </summary>
public static class ODataLiteral
{
    public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
}
