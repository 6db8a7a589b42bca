using System;
using System.Security;
using System.Text.RegularExpressions;
using SsprTools.Engine.Auth;
using SsprTools.Engine.Errors;

namespace SsprTools.Engine.Connection;

/// <summary>
/// Shapes Connect-SsprGraph checks before anything is sent: a tenant is named by its id (a GUID) or one of its
/// domain names; an access token is a bearer token (RFC 6750). No message ever contains the token.
/// </summary>
public static class ConnectionInputRule
{
    // A DNS name of two or more labels (contoso.onmicrosoft.com, contoso.com).
    private static readonly Regex DomainName = new(
        @"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex BearerToken = new(@"^[A-Za-z0-9\-._~+/]+=*\z", RegexOptions.CultureInvariant);

    private static readonly string[] WellKnownTenants = { "common", "organizations", "consumers" };

    private static readonly Regex Base64UrlSegment = new(@"^[A-Za-z0-9_-]+\z", RegexOptions.CultureInvariant);

    /// <summary>The error for a -TenantId that is neither a GUID nor a domain name; null when it is one.</summary>
    public static SsprException? TenantIdProblem(string? tenantId)
    {
        // MSAL (AbstractApplicationBuilder.WithTenantId): "classically a GUID or a domain name"; common,
        // organizations and consumers are also accepted there. Anything else would only fail later at sign-in.
        if (tenantId is null || Guid.TryParse(tenantId, out _) || DomainName.IsMatch(tenantId)
            || Array.Exists(WellKnownTenants, t => string.Equals(t, tenantId, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return new SsprException(SsprErrorKind.InvalidArgument, "TenantIdInvalid",
            $"-TenantId '{tenantId}' is neither a tenant id (GUID) nor a domain name such as contoso.onmicrosoft.com.");
    }

    /// <summary>The error for an -AccessToken that is empty or cannot be a bearer token; null otherwise.</summary>
    public static SsprException? AccessTokenProblem(SecureString? token)
    {
        if (token is null || token.Length == 0)
        {
            return new SsprException(SsprErrorKind.InvalidArgument, "AccessTokenInvalid", "-AccessToken is empty.");
        }

        // RFC 6750 section 2.1: a bearer token is b64token characters only. A 'Bearer ' prefix, spaces or line breaks
        // mean something else was pasted. The token itself is never put in the message.
        if (!BearerToken.IsMatch(SecureStringReader.Read(token)))
        {
            return new SsprException(SsprErrorKind.InvalidArgument, "AccessTokenInvalid",
                "-AccessToken is not a bearer token: it has spaces, line breaks or other characters a token cannot have. Give the token itself, without 'Bearer '.");
        }

        return null;
    }

    /// <summary>True when the token is a JWT (header.payload.signature), whose payload names tenant, scopes and expiry.
    /// Microsoft: tokens a Microsoft API receives "might not always be a JWT that can be decoded" (access-tokens.md),
    /// so a token that is not one is accepted, with a warning, not refused.</summary>
    public static bool IsJwt(SecureString token)
    {
        var parts = SecureStringReader.Read(token).Split('.');
        return parts.Length == 3 && Base64UrlSegment.IsMatch(parts[0]) && Base64UrlSegment.IsMatch(parts[1]);
    }
}
