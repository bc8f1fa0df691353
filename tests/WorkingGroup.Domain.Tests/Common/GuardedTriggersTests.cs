using Stateless;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Common;

public sealed class GuardedTriggersTests
{
    internal enum Light
    {
        Off,
        On,
    }

    internal enum Switch
    {
        TurnOn,
    }

    internal sealed record PowerIsConnected(bool Connected) : IBusinessRule
    {
        public bool IsBroken() => !Connected;

        public DomainError Error => new("lamp.no_power", ErrorKind.Conflict, "Нет питания.", "No power.");
    }

    internal sealed record BulbIsFitted(bool Fitted) : IBusinessRule
    {
        public bool IsBroken() => !Fitted;

        public DomainError Error => new("lamp.no_bulb", ErrorKind.RuleViolation, "Нет лампы.", "No bulb.");
    }

    private Light _state = Light.Off;

    private (StateMachine<Light, Switch> Machine, StateMachine<Light, Switch>.TriggerWithParameters<RuleSet> TurnOn) Lamp()
    {
        var machine = StateMachines.Create<Light, Switch>("lamp", () => _state, s => _state = s);
        var turnOn = machine.SetTriggerParameters<RuleSet>(Switch.TurnOn);
        machine.Configure(Light.Off)
            .PermitIf(turnOn, Light.On, GuardedTriggers.Guard<PowerIsConnected>("power"), GuardedTriggers.Guard<BulbIsFitted>("bulb"));
        return (machine, turnOn);
    }

    [Fact]
    public void Guarded_trigger_fires_when_every_rule_holds()
    {
        var (machine, turnOn) = Lamp();

        machine.FireChecked(turnOn, new RuleSet(new PowerIsConnected(true), new BulbIsFitted(true)));

        Assert.Equal(Light.On, _state);
    }

    [Fact]
    public void Guarded_trigger_refuses_with_the_first_broken_rule_own_error()
    {
        var (machine, turnOn) = Lamp();

        Refusal.Expect("lamp.no_bulb", () => machine.FireChecked(turnOn, new RuleSet(new PowerIsConnected(true), new BulbIsFitted(false))));
        Assert.Equal(Light.Off, _state);
    }

    [Fact]
    public void Guarded_trigger_fails_closed_when_a_guard_rule_is_left_out()
    {
        var (machine, turnOn) = Lamp();

        Refusal.Expect("lamp.transition_not_allowed", () => machine.FireChecked(turnOn, new RuleSet(new PowerIsConnected(true))));
        Assert.Equal(Light.Off, _state);
    }

    [Fact]
    public void Guarded_trigger_the_state_does_not_permit_is_a_conflict_before_any_rule()
    {
        var (machine, turnOn) = Lamp();
        machine.FireChecked(turnOn, new RuleSet(new PowerIsConnected(true), new BulbIsFitted(true)));

        var error = Refusal.Expect("lamp.transition_not_allowed", () => machine.FireChecked(turnOn, new RuleSet(new PowerIsConnected(false))));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
    }
}
