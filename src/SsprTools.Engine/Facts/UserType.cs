namespace SsprTools.Engine.Facts;

/// <summary>user.userType.</summary>
public enum UserType
{
    Member,
    Guest,
}
