namespace SsprTools.Engine.Policy;

/// <summary>The switch as read before a change, and the value wanted. Lets the cmdlet ask ShouldProcess only when a write is needed.</summary>
public sealed record PolicyChangePlan(Model.AdminPolicy Before, bool Wanted)
{
    public bool NeedsWrite => Before.AllowedToUseSspr != Wanted;
}
