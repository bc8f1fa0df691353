namespace WorkingGroup.Domain.Agenda;

/// <summary>The six tasks of the working group, items а–е of; agenda items and decisions carry one.</summary>
public enum TaskCategory
{
    /// <summary>а) support for developing the national qualification systems.</summary>
    DevelopmentSupport,

    /// <summary>б) proposals to improve legislation.</summary>
    LegislationProposals,

    /// <summary>в) harmonising qualification systems and occupation classifiers.</summary>
    Harmonisation,

    /// <summary>г) professional standards and education acts.</summary>
    StandardsAndEducationActs,

    /// <summary>д) coordination.</summary>
    Coordination,

    /// <summary>е) other tasks, on the co-chairs' proposal.</summary>
    OtherByCoChairs,
}
