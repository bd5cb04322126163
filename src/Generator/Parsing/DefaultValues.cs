using System;
using System.Globalization;
using Lifeline.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Lifeline.Generator.Parsing;

/// <summary>
/// A parameter's constant default value, written two ways: as a C# expression that compiles anywhere, for the generated
/// reader, and as the JSON value the schema states (docs/schema.md).
/// </summary>
internal static class DefaultValues
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string Format(object? value, ITypeSymbol type)
    {
        if (value is null)
        {
            return "default!";
        }

        var literal = value switch
        {
            float f when float.IsNaN(f) => "global::System.Single.NaN",
            float f when float.IsPositiveInfinity(f) => "global::System.Single.PositiveInfinity",
            float f when float.IsNegativeInfinity(f) => "global::System.Single.NegativeInfinity",
            double d when double.IsNaN(d) => "global::System.Double.NaN",
            double d when double.IsPositiveInfinity(d) => "global::System.Double.PositiveInfinity",
            double d when double.IsNegativeInfinity(d) => "global::System.Double.NegativeInfinity",
            float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
            double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
            long l => l.ToString(CultureInfo.InvariantCulture) + "L",
            ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
            uint ui => ui.ToString(CultureInfo.InvariantCulture) + "U",
            _ => SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false),
        };

        return $"({type.ToDisplayString(TypeFormat)})({literal})";
    }

    /// <summary>
    /// The JSON value of a default, in the form the schema gives each wire type: numbers for integers, chars, enums and
    /// timespans (ticks), strings for decimals, Guids and instants, and "NaN", "Infinity" or "-Infinity" for floating-point
    /// values JSON has no number for. Null when the schema cannot state it (the default of a record struct).
    /// </summary>
    public static string? Json(object? value, TypeShape shape)
    {
        if (value is null)
        {
            return shape.IsNullable || shape.Kind == ShapeKind.NullableValue || shape.IsReferenceType ? "null" : ZeroJson(shape.Kind);
        }

        return value switch
        {
            bool b => b ? "true" : "false",
            string s => JsonText.Quote(s),
            char c => ((int)c).ToString(CultureInfo.InvariantCulture),
            float f => Floating(f, f.ToString("R", CultureInfo.InvariantCulture)),
            double d => Floating(d, d.ToString("R", CultureInfo.InvariantCulture)),
            decimal m => JsonText.Quote(m.ToString(CultureInfo.InvariantCulture)),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static string Floating(double value, string finite) =>
        double.IsNaN(value) ? "\"NaN\""
        : double.IsPositiveInfinity(value) ? "\"Infinity\""
        : double.IsNegativeInfinity(value) ? "\"-Infinity\""
        : finite;

    // The wire form of default(T) for the value types a constant default can leave at zero ('= default').
    private static string? ZeroJson(ShapeKind kind) => kind switch
    {
        ShapeKind.Boolean => "false",
        ShapeKind.Decimal => "\"0\"",
        ShapeKind.Guid => "\"00000000-0000-0000-0000-000000000000\"",
        ShapeKind.DateTime => "\"0001-01-01T00:00:00Z\"",
        ShapeKind.DateTimeOffset => "\"0001-01-01T00:00:00+00:00\"",
        ShapeKind.Record => null,
        _ => "0",
    };
}
