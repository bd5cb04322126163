using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace Lifeline.Hosting;

/// <summary>Creates a hosted handler class from dependency injection, handing it its socket's context if it asks for one.</summary>
internal static class HubActivator
{
    /// <summary>Creates the hub; <paramref name="tookContext"/> tells whether its constructor took the context.</summary>
    public static ILifelineHandler Create(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type hub,
        IServiceProvider services,
        ILifelineContext context,
        out bool tookContext)
    {
        tookContext = WantsContext(hub);
        var instance = tookContext ? ActivatorUtilities.CreateInstance(services, hub, context) : ActivatorUtilities.CreateInstance(services, hub);
        return (ILifelineHandler)instance;
    }

    private static bool WantsContext([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type hub) =>
        hub.GetConstructors().Any(constructor => constructor.GetParameters().Any(parameter => parameter.ParameterType == typeof(ILifelineContext)));
}
