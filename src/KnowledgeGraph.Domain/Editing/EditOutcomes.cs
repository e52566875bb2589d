namespace KnowledgeGraph.Domain.Editing;

/// <summary>What a store did with a request to merge one node into another of the same type.</summary>
public enum MergeOutcome
{
    /// <summary>The duplicate was merged into the survivor and removed; its id now resolves to the survivor.</summary>
    Merged,

    /// <summary>No node of that type has the survivor's key; nothing was written.</summary>
    SurvivorNotFound,

    /// <summary>No node of that type has the duplicate's key; nothing was written.</summary>
    DuplicateNotFound,

    /// <summary>
    /// One node contains, is part of, or answers the other (at any depth), so the merged node
    /// would contain itself; nothing was written.
    /// </summary>
    Cycle,
}

/// <summary>What a store did with a request to retract a statement.</summary>
public enum RetractOutcome
{
    /// <summary>The statement is now marked retracted.</summary>
    Retracted,

    /// <summary>No statement has that key; nothing was written.</summary>
    NotFound,

    /// <summary>The statement was retracted before; its first reason and time are kept and nothing was written.</summary>
    AlreadyRetracted,
}
