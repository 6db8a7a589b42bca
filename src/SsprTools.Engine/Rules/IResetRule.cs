namespace SsprTools.Engine.Rules;

/// <summary>One check the SSPR portal makes, evaluated from facts.</summary>
internal interface IResetRule
{
    RuleVerdict Evaluate(ResetContext context);
}
