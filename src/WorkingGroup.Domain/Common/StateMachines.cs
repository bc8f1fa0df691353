using Stateless;

namespace WorkingGroup.Domain.Common;

/// <summary>
/// Builds the state machines of the aggregates: state lives in the aggregate's enum property (so
/// EF Core persists it), and a trigger the table does not permit becomes a conflict error.
/// </summary>
internal static class StateMachines
{
    public static StateMachine<TState, TTrigger> Create<TState, TTrigger>(
        string entity, Func<TState> read, Action<TState> write)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var machine = new StateMachine<TState, TTrigger>(read, write);
        machine.OnUnhandledTrigger((state, trigger) => throw Rules.Refuse(
            $"{entity}.transition_not_allowed",
            ErrorKind.Conflict,
            $"Действие «{trigger}» недопустимо в состоянии «{state}» ({entity}).",
            $"'{trigger}' is not allowed while the {entity} is {state}."));
        return machine;
    }
}

/// <summary>Lets an aggregate refuse a trigger the table forbids before it checks the rules of the request.</summary>
internal static class StateMachineExtensions
{
    public static void EnsureCanFire<TState, TTrigger>(this StateMachine<TState, TTrigger> machine, TTrigger trigger)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        if (!machine.CanFire(trigger))
        {
            machine.Fire(trigger);
        }
    }
}
