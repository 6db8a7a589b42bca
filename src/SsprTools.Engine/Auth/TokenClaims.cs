using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace SsprTools.Engine.Auth;

/// <summary>
/// The claims of a Graph access token that tell who we are connected as. Read without validating
/// the signature: Graph validates it; we only use the claims to describe the connection.
/// An opaque (non-JWT) token yields empty claims.
/// </summary>
public sealed class TokenClaims
{
    public static readonly TokenClaims Empty = new();

    public string? TenantId { get; private set; }

    public string? Account { get; private set; }

    public string? AppId { get; private set; }

    public string? Audience { get; private set; }

    public IReadOnlyList<string> Scopes { get; private set; } = Array.Empty<string>();

    public IReadOnlyList<string> Roles { get; private set; } = Array.Empty<string>();

    public DateTimeOffset? ExpiresOn { get; private set; }

    /// <summary>Delegated tokens carry 'scp'; app-only tokens carry 'roles' and no 'scp'.</summary>
    public bool IsAppOnly => Scopes.Count == 0 && (Roles.Count > 0 || AppId is not null) && Account is null;

    public static TokenClaims Parse(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(DecodeBase64Url(parts[1]));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Empty;
            }

            return new TokenClaims
            {
                TenantId = ReadString(root, "tid"),
                Account = ReadString(root, "upn") ?? ReadString(root, "preferred_username") ?? ReadString(root, "unique_name"),
                AppId = ReadString(root, "appid") ?? ReadString(root, "azp"),
                Audience = ReadString(root, "aud"),
                Scopes = SplitScopes(ReadString(root, "scp")),
                Roles = ReadStringArray(root, "roles"),
                ExpiresOn = root.TryGetProperty("exp", out var exp) && exp.ValueKind == JsonValueKind.Number
                    ? DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64())
                    : null,
            };
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return Empty;
        }
    }

    private static byte[] DecodeBase64Url(string segment)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return Convert.FromBase64String(base64);
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> ReadStringArray(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
            {
                items.Add(text);
            }
        }

        return items;
    }

    private static IReadOnlyList<string> SplitScopes(string? scp) =>
        string.IsNullOrWhiteSpace(scp) ? Array.Empty<string>() : scp!.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
}
