using System.Linq;
using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Model;

/// <summary>A diagnostic as equatable data: descriptor id, locations and message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<LocationInfo> AdditionalLocations, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, EquatableArray<LocationInfo>.Empty, arguments.ToEquatableArray());

    /// <summary>Errors stop generation for the declaration; warnings do not.</summary>
    public bool IsError => Diagnostics.DiagnosticDescriptors.ById(Id).DefaultSeverity == DiagnosticSeverity.Error;

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            Diagnostics.DiagnosticDescriptors.ById(Id),
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            AdditionalLocations.Select(l => l.ToLocation()),
            Arguments.Cast<object>().ToArray());
}
