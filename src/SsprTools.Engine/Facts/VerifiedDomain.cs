namespace SsprTools.Engine.Facts;

/// <summary>One of organization.verifiedDomains (GET /v1.0/organization).</summary>
public sealed record VerifiedDomain(string Name, bool IsInitial);
