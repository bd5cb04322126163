using System;
using System.Collections.Generic;

namespace Lifeline.RuntimeTests.Messages;

/// <summary>A client's hello, as in the README.</summary>
[HelloMessage(Id = 0x1001)]
public partial record ClientHello(string Name, int Version);

/// <summary>What a server learns when a client goes away.</summary>
[DisconnectMessage(Id = 0x2001)]
public partial record ClientGone(string Reason);

/// <summary>A server's hello to its clients.</summary>
[HelloMessage(Id = 0x1002)]
public partial record struct ServerHello(string Server, long StartedAtUnixMs);

/// <summary>A nested part.</summary>
[MessagePart]
public partial record Address(string Street, int Number, string? Note);

/// <summary>A nested struct part.</summary>
[MessagePart]
public partial record struct Point(double X, double Y);

/// <summary>An enum member.</summary>
public enum Color : byte
{
    /// <summary>Red.</summary>
    Red = 1,

    /// <summary>Green.</summary>
    Green = 2,
}

/// <summary>Every supported member type.</summary>
[HelloMessage]
public partial record Everything(
    bool Flag,
    sbyte I8,
    byte U8,
    short I16,
    ushort U16,
    int I32,
    uint U32,
    long I64,
    ulong U64,
    float F32,
    double F64,
    decimal Money,
    char Letter,
    string Text,
    string? MaybeText,
    byte[] Blob,
    byte[]? MaybeBlob,
    Guid Id,
    DateTime When,
    DateTimeOffset WhenOffset,
    TimeSpan Duration,
    Color Color,
    int? MaybeInt,
    Color? MaybeColor,
    int[] Numbers,
    string?[]? MaybeStrings,
    List<string> Tags,
    IReadOnlyList<Address> Addresses,
    Dictionary<string, int> Counts,
    IReadOnlyDictionary<string, List<Point>> Paths,
    Address Home,
    Address? Work,
    Point Origin,
    Point? Target,
    int[][] Jagged);

/// <summary>A record with init properties, defaults and initializers.</summary>
[DisconnectMessage]
public partial record PropertyGone
{
    /// <summary>Required.</summary>
    public required string Reason { get; init; }

    /// <summary>Keeps its initializer when absent.</summary>
    public int Code { get; init; } = 42;

    /// <summary>Null when absent.</summary>
    public string? Detail { get; init; }
}

/// <summary>The third test vector of docs/wire-format.md: default id, collections, a Guid and a null.</summary>
[HelloMessage]
public partial record WorkerHello(string Worker, List<string> Skills, Dictionary<string, int> Limits, Guid Id, int? Priority);

/// <summary>Version 1 of an evolving hello.</summary>
[HelloMessage(Id = 0x3001)]
public partial record VersionedHelloV1(string Name);

/// <summary>Version 2: members appended with defaults, as docs/wire-format.md requires.</summary>
[HelloMessage(Id = 0x3002)]
public partial record VersionedHelloV2(string Name, int Version = 2, List<string>? Tags = null);

/// <summary>Version 3 added a required member: older senders are rejected, not misread.</summary>
[HelloMessage(Id = 0x3003)]
public partial record VersionedHelloV3(string Name, int Level);

/// <summary>A recursive part: what a hostile peer nests deeper than the decoder's depth limit.</summary>
[MessagePart]
public partial record Node(int Value, Node? Next);

/// <summary>A hello whose body can nest as deep as a peer wants.</summary>
[HelloMessage(Id = 0x4001)]
public partial record ChainHello(Node Head, Dictionary<string, string> Labels);
