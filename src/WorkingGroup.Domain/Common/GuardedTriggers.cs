using Stateless;

namespace WorkingGroup.Domain.Common;

/// <summary>
/// The rules a guarded transition checks, passed with its trigger: the state machine's guards read
/// them (so the diagram shows them), and <see cref="GuardedTriggers.FireChecked"/> turns a broken one
/// into that rule's own error rather than a bare "not allowed".
/// </summary>
internal sealed class RuleSet(params IBusinessRule[] rules)
{
    public IReadOnlyList<IBusinessRule> All { get; } = rules;

    /// <summary>The rule is in the set and holds; a rule left out fails the guard, so a forgotten check refuses.</summary>
    public bool Holds<TRule>()
        where TRule : IBusinessRule
    {
        var matching = All.OfType<TRule>().ToList();
        return matching.Count > 0 && matching.TrueForAll(rule => !rule.IsBroken());
    }
}

internal static class GuardedTriggers
{
    /// <summary>A guard of the transition table: the rule of type <typeparamref name="TRule"/> holds.</summary>
    public static Tuple<Func<RuleSet, bool>, string> Guard<TRule>(string description)
        where TRule : IBusinessRule =>
        Tuple.Create<Func<RuleSet, bool>, string>(rules => rules is not null && rules.Holds<TRule>(), description);

    /// <summary>
    /// Fires a guarded trigger: a trigger the current state does not permit is a conflict; otherwise
    /// every rule of the set is checked in order, the first broken one refusing with its own error.
    /// </summary>
    public static void FireChecked<TState, TTrigger>(
        this StateMachine<TState, TTrigger> machine, StateMachine<TState, TTrigger>.TriggerWithParameters<RuleSet> trigger, RuleSet rules)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        if (!machine.CanFire(trigger, rules, out var unmetGuards) && unmetGuards is not { Count: > 0 })
        {
            machine.Fire(trigger, rules);
        }

        Rules.Check([.. rules.All]);
        machine.Fire(trigger, rules);
    }
}
