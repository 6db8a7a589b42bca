namespace SsprTools.Engine.Connection;

/// <summary>How Connect-SsprGraph obtains tokens; one value per Connect-SsprGraph parameter set.</summary>
public enum SignInMethod
{
    Interactive,
    DeviceCode,
    AccessToken,
    ClientSecret,
    Certificate,
    ManagedIdentity,
}
