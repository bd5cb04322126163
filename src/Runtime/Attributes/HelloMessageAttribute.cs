using System;

namespace Lifeline;

/// <summary>
/// Marks a <c>partial record</c> or <c>partial record struct</c> as a hello message: the frame a socket
/// sends to every new peer before any application message. The generator emits its MessagePack
/// formatter, its wire frame and the typed socket API for it.
/// </summary>
/// <remarks>
/// When <see cref="Id"/> is not set, the message id is derived from the record's full metadata name
/// (see <c>docs/wire-format.md</c>): renaming or moving the record then changes its id.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class HelloMessageAttribute : Attribute
{
    /// <summary>
    /// The stable message id written in every frame, from 1 to 0x7FFFFFFF. Zero (the default) means
    /// "derive it from the record's full name".
    /// </summary>
    public int Id { get; set; }
}
