using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;
using MessagePack.Formatters;

namespace Lifeline;

/// <summary>
/// What the generator knows of the lifecycle record <typeparamref name="T"/>: its kind, its message id and its
/// MessagePack formatter. Works on every target (no static abstract interface members needed).
/// </summary>
/// <typeparam name="T">A record marked <see cref="HelloMessageAttribute"/> or <see cref="DisconnectMessageAttribute"/>.</typeparam>
/// <remarks>
/// The generated part of each record registers it from the record's type initializer; the first use here runs that
/// initializer. A type that implements <see cref="ILifelineMessage{TSelf}"/> by hand never registers, and every member
/// here throws <see cref="InvalidOperationException"/> for it.
/// </remarks>
public static class LifelineMessage<T> where T : ILifelineMessage<T>
{
    // No static initializer, so no type-initialization lock: the record's initializer can register from any thread.
    private static Registration? s_registration;

    /// <summary>Whether <typeparamref name="T"/> is a hello or a disconnect message.</summary>
    public static LifelineKind Kind => Registered.Kind;

    /// <summary>The stable message id written in the frame header.</summary>
    public static uint MessageId => Registered.MessageId;

    /// <summary>The generated formatter of the record's MessagePack body.</summary>
    public static IMessagePackFormatter<T> Formatter => Registered.Formatter;

    /// <summary>Records the generated facts of <typeparamref name="T"/>; called by its generated type initializer only.</summary>
    /// <param name="kind">Hello or disconnect.</param>
    /// <param name="messageId">The record's message id.</param>
    /// <param name="formatter">The record's generated formatter.</param>
    /// <returns>The formatter, for the generated field that holds it.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static IMessagePackFormatter<T> Register(LifelineKind kind, uint messageId, IMessagePackFormatter<T> formatter)
    {
        if (formatter is null)
        {
            throw new ArgumentNullException(nameof(formatter));
        }

        Volatile.Write(ref s_registration, new Registration(kind, messageId, formatter));
        return formatter;
    }

    private static Registration Registered => Volatile.Read(ref s_registration) ?? Load();

    [UnconditionalSuppressMessage("Trimming", "IL2059", Justification = "Each assembly's generated module initializer runs the type initializer of every record it declares, by its exact type, so trimmed and native AOT programs have every record registered before this runs; here it only hurries a JIT program whose record's assembly has not run yet.")]
    private static Registration Load()
    {
        RuntimeHelpers.RunClassConstructor(typeof(T).TypeHandle);
        return Volatile.Read(ref s_registration) ?? throw new InvalidOperationException(
            $"{typeof(T).FullName} is not a generated lifecycle record: mark it [HelloMessage] or [DisconnectMessage] and make it partial, with the Lifeline package's generator enabled, instead of implementing ILifelineMessage<T> by hand.");
    }

    private sealed class Registration(LifelineKind kind, uint messageId, IMessagePackFormatter<T> formatter)
    {
        public LifelineKind Kind { get; } = kind;

        public uint MessageId { get; } = messageId;

        public IMessagePackFormatter<T> Formatter { get; } = formatter;
    }
}
