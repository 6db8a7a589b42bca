using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SsprTools.GraphSimulator.Auth;

/// <summary>
/// Issues and validates JWT-shaped HS256 tokens signed with a key that lives only for this run.
/// Claim names follow Microsoft identity platform access tokens (aud, iss, tid, oid, scp, roles, appid, upn).
/// </summary>
internal sealed class TokenService
{
    public const string GraphAudience = "https://graph.microsoft.com";
    // Graph also accepts its application id as audience.
    private const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly string _tenantId;
    private readonly TimeProvider _clock;

    public TokenService(string tenantId, TimeProvider? clock = null)
    {
        _tenantId = tenantId;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Seconds left before <paramref name="token"/> expires, on this service's clock.</summary>
    public long SecondsLeft(string token) => ExpiresOn(token) - _clock.GetUtcNow().ToUnixTimeSeconds();

    public string Issuer => $"https://sts.windows.net/{_tenantId}/";

    /// <summary>A delegated token for a signed-in user.</summary>
    public string IssueDelegated(IEnumerable<string> scopes, SignedInUser user, TimeSpan? lifetime = null)
    {
        var payload = BasePayload(user.ObjectId, lifetime);
        payload["scp"] = string.Join(' ', scopes.Distinct(StringComparer.OrdinalIgnoreCase));
        payload["upn"] = user.UserPrincipalName;
        payload["name"] = user.DisplayName;
        payload["appid"] = SimulatorClientAppId;
        return Sign(payload);
    }

    /// <summary>An app-only token for a service principal (managed identity or app registration).</summary>
    public string IssueAppOnly(IEnumerable<string> roles, string appId, string servicePrincipalId, TimeSpan? lifetime = null)
    {
        var payload = BasePayload(servicePrincipalId, lifetime);
        payload["roles"] = new JsonArray(roles.Distinct(StringComparer.OrdinalIgnoreCase).Select(r => (JsonNode)r).ToArray());
        payload["appid"] = appId;
        payload["idtyp"] = "app";
        return Sign(payload);
    }

    /// <summary>Client id of the public client that delegated tokens pretend to come from.</summary>
    public const string SimulatorClientAppId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

    public static long ExpiresOn(string token)
    {
        var payload = ReadPayload(token.Split('.')[1]);
        return payload?["exp"]?.GetValue<long>() ?? 0;
    }

    /// <summary>Validates a bearer token; on failure returns Graph's message for the problem.</summary>
    public TokenValidation Validate(string? authorizationHeader)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
            return TokenValidation.Fail("Access token is empty.");
        const string prefix = "Bearer ";
        if (!authorizationHeader.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return TokenValidation.Fail("Access token is empty.");
        var token = authorizationHeader[prefix.Length..].Trim();
        if (token.Length == 0)
            return TokenValidation.Fail("Access token is empty.");

        var parts = token.Split('.');
        if (parts.Length != 3)
            return TokenValidation.Fail("IDX14100: JWT is not well formed, there are no dots (.).");
        var expected = Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])))
            return TokenValidation.Fail("Access token validation failure. Invalid signature.");

        var payload = ReadPayload(parts[1]);
        if (payload is null)
            return TokenValidation.Fail("IDX14102: Unable to decode the payload of the token.");
        var aud = payload["aud"]?.GetValue<string>();
        if (aud is null || !(aud.TrimEnd('/').Equals(GraphAudience, StringComparison.OrdinalIgnoreCase) || aud == GraphAppId))
            return TokenValidation.Fail("Access token validation failure. Invalid audience.");
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        if (payload["exp"]?.GetValue<long>() is not long exp || exp <= now)
            return TokenValidation.Fail("Lifetime validation failed, the token is expired.");
        if (payload["nbf"]?.GetValue<long>() is long nbf && nbf > now + 300)
            return TokenValidation.Fail("Lifetime validation failed, the token is not yet valid.");

        var scopes = (payload["scp"]?.GetValue<string>() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var roles = payload["roles"] is JsonArray r ? r.Select(n => n!.GetValue<string>()).ToArray() : [];
        return TokenValidation.Ok(new Caller(
            payload["oid"]?.GetValue<string>() ?? "",
            new HashSet<string>(scopes, StringComparer.OrdinalIgnoreCase),
            new HashSet<string>(roles, StringComparer.OrdinalIgnoreCase),
            payload["upn"]?.GetValue<string>(),
            payload["appid"]?.GetValue<string>()));
    }

    private JsonObject BasePayload(string objectId, TimeSpan? lifetime)
    {
        var now = _clock.GetUtcNow();
        var exp = now + (lifetime ?? DefaultLifetime);
        return new JsonObject
        {
            ["aud"] = GraphAudience,
            ["iss"] = Issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = Math.Min(now.ToUnixTimeSeconds(), exp.ToUnixTimeSeconds()),
            ["exp"] = exp.ToUnixTimeSeconds(),
            ["tid"] = _tenantId,
            ["oid"] = objectId,
            ["sub"] = objectId,
            ["ver"] = "1.0",
        };
    }

    private string Sign(JsonObject payload)
    {
        var header = Base64Url(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));
        var body = Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(header + "." + body)));
        return header + "." + body + "." + signature;
    }

    private static JsonObject? ReadPayload(string segment)
    {
        try
        {
            var padded = segment.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            return JsonNode.Parse(Convert.FromBase64String(padded)) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed record TokenValidation(Caller? Caller, string? Error)
{
    public static TokenValidation Ok(Caller caller) => new(caller, null);
    public static TokenValidation Fail(string message) => new(null, message);
}

/// <summary>The user a delegated token is issued for.</summary>
internal sealed record SignedInUser(string ObjectId, string UserPrincipalName, string DisplayName);
