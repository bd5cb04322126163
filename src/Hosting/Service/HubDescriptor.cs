using System;
using System.Diagnostics.CodeAnalysis;

namespace Lifeline.Hosting;

/// <summary>What the host knows of one registered handler class: its type, its options' name, the kind of socket.</summary>
internal sealed class HubDescriptor(
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type type,
    bool isRouter)
{
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    public Type Type { get; } = type;

    /// <summary>The short name used in logs and metrics.</summary>
    public string Name { get; } = type.Name;

    /// <summary>The name of the hub's options (its type's full name).</summary>
    public string OptionsName { get; } = type.FullName ?? type.Name;

    public bool IsRouter { get; } = isRouter;

    public string SocketType => IsRouter ? "ROUTER" : "DEALER";
}
