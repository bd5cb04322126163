using System;
using System.Collections.Generic;
using System.Linq;
using Lifeline.RuntimeTests.Messages;
using Xunit;

namespace Lifeline.RuntimeTests.Serialization;

/// <summary>Instances of <see cref="Everything"/> at the edges of every member type, and a deep comparison.</summary>
internal static class EverythingSamples
{
    public static Everything Minimum() => new(
        false, sbyte.MinValue, byte.MinValue, short.MinValue, ushort.MinValue, int.MinValue, uint.MinValue, long.MinValue, ulong.MinValue,
        float.MinValue, double.MinValue, decimal.MinValue, char.MinValue, string.Empty, null, [], null,
        Guid.Empty, DateTime.MinValue, DateTimeOffset.MinValue, TimeSpan.MinValue, Color.Red, null, null,
        [], null, [], [], [], new Dictionary<string, List<Point>>(), new Address(string.Empty, int.MinValue, null), null,
        new Point(double.MinValue, double.NegativeInfinity), null, []);

    public static Everything Maximum() => new(
        true, sbyte.MaxValue, byte.MaxValue, short.MaxValue, ushort.MaxValue, int.MaxValue, uint.MaxValue, long.MaxValue, ulong.MaxValue,
        float.MaxValue, double.MaxValue, decimal.MaxValue, char.MaxValue, new string('z', 70_000), "maybe ✓ 🚀", [0xFF, 0x00, 0xC1], [],
        Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"), DateTime.MaxValue, DateTimeOffset.MaxValue, TimeSpan.MaxValue, Color.Green, int.MaxValue, Color.Green,
        [int.MinValue, 0, int.MaxValue], ["a", null, string.Empty], ["x", "y"],
        [new Address("Main St", 1, "ring twice"), new Address("Elm", 2, null)],
        new Dictionary<string, int> { ["a"] = 1, [string.Empty] = -1, ["ü"] = int.MaxValue },
        new Dictionary<string, List<Point>> { ["route"] = [new Point(1.5, -2.5), new Point(double.Epsilon, double.NaN)], ["empty"] = [] },
        new Address("Home", 42, "note"), new Address("Work", 7, null), new Point(double.MaxValue, double.PositiveInfinity), new Point(0, -0.0),
        [[1, 2], [], [int.MaxValue]]);

    public static void AssertEqual(Everything expected, Everything actual)
    {
        Assert.Equal(expected.Flag, actual.Flag);
        Assert.Equal(expected.I8, actual.I8);
        Assert.Equal(expected.U8, actual.U8);
        Assert.Equal(expected.I16, actual.I16);
        Assert.Equal(expected.U16, actual.U16);
        Assert.Equal(expected.I32, actual.I32);
        Assert.Equal(expected.U32, actual.U32);
        Assert.Equal(expected.I64, actual.I64);
        Assert.Equal(expected.U64, actual.U64);
        Assert.Equal(expected.F32, actual.F32);
        Assert.Equal(expected.F64, actual.F64);
        Assert.Equal(expected.Money, actual.Money);
        Assert.Equal(expected.Money.ToString(System.Globalization.CultureInfo.InvariantCulture), actual.Money.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.Letter, actual.Letter);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.MaybeText, actual.MaybeText);
        Assert.Equal(expected.Blob, actual.Blob);
        Assert.Equal(expected.MaybeBlob, actual.MaybeBlob);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.When.Ticks, actual.When.Ticks);
        Assert.Equal(expected.WhenOffset, actual.WhenOffset);
        Assert.Equal(expected.WhenOffset.Offset, actual.WhenOffset.Offset);
        Assert.Equal(expected.Duration, actual.Duration);
        Assert.Equal(expected.Color, actual.Color);
        Assert.Equal(expected.MaybeInt, actual.MaybeInt);
        Assert.Equal(expected.MaybeColor, actual.MaybeColor);
        Assert.Equal(expected.Numbers, actual.Numbers);
        Assert.Equal(expected.MaybeStrings, actual.MaybeStrings);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Addresses, actual.Addresses);
        Assert.Equal(expected.Counts, actual.Counts);
        Assert.Equal(expected.Paths.Keys.Order(), actual.Paths.Keys.Order());
        foreach (var (key, points) in expected.Paths)
        {
            Assert.Equal(points, actual.Paths[key]);
        }

        Assert.Equal(expected.Home, actual.Home);
        Assert.Equal(expected.Work, actual.Work);
        Assert.Equal(expected.Origin, actual.Origin);
        Assert.Equal(expected.Target, actual.Target);
        Assert.Equal(expected.Jagged.Length, actual.Jagged.Length);
        for (var i = 0; i < expected.Jagged.Length; i++)
        {
            Assert.Equal(expected.Jagged[i], actual.Jagged[i]);
        }
    }
}
