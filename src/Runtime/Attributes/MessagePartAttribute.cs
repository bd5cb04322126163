using System;

namespace Lifeline;

/// <summary>
/// Marks a <c>partial record</c> or <c>partial record struct</c> that is used as a member of lifecycle
/// messages without being one itself. The generator emits its MessagePack formatter.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class MessagePartAttribute : Attribute
{
}
