using System;
using System.Linq;
using System.Reflection;
using Lifeline.Generator.Analyzers;
using NetMQ;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>
/// The analyzers' socket-capability table against NetMQ itself and against the runtime's typed overloads: if NetMQ
/// changes, or an overload is added or removed without the table, these fail.
/// </summary>
public class SocketCapabilityTableTests
{
    private static readonly Assembly NetMQAssembly = typeof(NetMQSocket).Assembly;

    public static TheoryData<string> Sockets => [.. SocketCapabilities.All.Select(c => c.ClassName)];

    [Fact]
    public void The_table_has_every_NetMQ_socket_class()
    {
        var classes = NetMQAssembly.GetExportedTypes()
            .Where(t => t.Namespace == "NetMQ.Sockets" && t.IsClass && !t.IsAbstract && (typeof(NetMQSocket).IsAssignableFrom(t) || typeof(ThreadSafeSocket).IsAssignableFrom(t)))
            .Select(t => t.Name)
            .OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(classes, SocketCapabilities.All.Select(c => c.ClassName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Sockets))]
    public void The_table_says_what_NetMQ_does(string className)
    {
        var capability = SocketCapabilities.Find(className)!;
        var type = NetMQAssembly.GetType("NetMQ.Sockets." + className, throwOnError: true)!;

        using (var socket = Create(type, null))
        {
            var options = InternalOptions(socket);
            Assert.Equal(capability.SendsHello, (bool)options.GetType().GetProperty("CanSendHelloMsg")!.GetValue(options)!);
            Assert.Equal(capability.Disconnect != DisconnectSupport.Rejected, (bool)options.GetType().GetProperty("CanGenerateDisconnectMsg")!.GetValue(options)!);
        }

        // A value is rejected exactly where the table says; null never is.
        var thrown = Record.Exception(() => Use(type, s => SetOption(s, "DisconnectMessage", new byte[] { 1 })));
        Assert.Equal(capability.Disconnect == DisconnectSupport.Rejected, thrown is InvalidException);
        Use(type, s => SetOption(s, "DisconnectMessage", null));

        // udp is refused where the table says. (pgm is only tried where it is refused: accepting it on Linux makes
        // NetMQ's IO thread fail asynchronously.)
        var udp = Record.Exception(() => Use(type, s => Attach(s, "Connect", "udp://127.0.0.1:49999")));
        Assert.Equal(!capability.Udp, udp is ProtocolNotSupportedException);
        if (!capability.Multicast)
        {
            Assert.IsType<ProtocolNotSupportedException>(Record.Exception(() => Use(type, s => Attach(s, "Connect", "pgm://127.0.0.1;239.192.1.1:5555"))));
        }

        // A connection-string constructor connects (and fails: nothing is bound there) or binds by default.
        if (type.GetConstructor([typeof(string)]) is null)
        {
            Assert.Equal(ConnectionStringDefault.None, capability.ConnectionString);
        }
        else
        {
            var created = Record.Exception(() => Create(type, $"inproc://capabilities-{className}-{Guid.NewGuid():N}").Dispose());
            Assert.Equal(capability.ConnectionString == ConnectionStringDefault.Connect, created is EndpointNotFoundException);
        }
    }

    [Theory]
    [MemberData(nameof(Sockets))]
    public void The_typed_setters_compile_exactly_where_NetMQ_honours_the_option(string className)
    {
        var capability = SocketCapabilities.Find(className)!;

        AssertOverload("SetHelloMessage", className, capability.SendsHello, capability.Pattern);
        AssertOverload("SetDisconnectMessage", className, capability.Disconnect == DisconnectSupport.Generated, capability.Pattern);
    }

    [Fact]
    public void Every_typed_setter_is_for_a_socket_class_of_the_table_or_a_base_class()
    {
        var receivers = typeof(LifelineSocketExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name is "SetHelloMessage" or "SetDisconnectMessage")
            .Select(m => m.GetParameters()[0].ParameterType);

        Assert.All(receivers, r => Assert.True(
            r == typeof(NetMQSocket) || r == typeof(ThreadSafeSocket) || SocketCapabilities.Find(r.Name) is not null && r.Namespace == "NetMQ.Sockets",
            $"{r} is not in the capability table"));
    }

    private static void AssertOverload(string name, string className, bool honoured, string pattern)
    {
        var overload = Assert.Single(typeof(LifelineSocketExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.Name == name && m.GetParameters()[0].ParameterType.FullName == "NetMQ.Sockets." + className);
        var obsolete = overload.GetCustomAttribute<ObsoleteAttribute>();
        if (honoured)
        {
            Assert.Null(obsolete);
        }
        else
        {
            Assert.NotNull(obsolete);
            Assert.True(obsolete.IsError, $"{name} on {className} must not compile");
            Assert.Contains(pattern, obsolete.Message, StringComparison.Ordinal);
        }
    }

    private static IDisposable Create(Type type, string? connectionString)
    {
        try
        {
            return type.GetConstructor([typeof(string)]) is { } withString
                ? (IDisposable)withString.Invoke([connectionString])
                : (IDisposable)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static void Use(Type type, Action<IDisposable> action)
    {
        using var socket = Create(type, null);
        try
        {
            action(socket);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static void SetOption(IDisposable socket, string option, byte[]? value)
    {
        var options = socket.GetType().GetProperty("Options")!.GetValue(socket)!;
        options.GetType().GetProperty(option)!.SetValue(options, value);
    }

    private static void Attach(IDisposable socket, string method, string endpoint) =>
        socket.GetType().GetMethod(method, [typeof(string)])!.Invoke(socket, [endpoint]);

    // NetMQ keeps the per-type flags on its internal Options object; reading them pins the table to this NetMQ version.
    private static object InternalOptions(IDisposable socket)
    {
        var handle = socket is NetMQSocket
            ? typeof(NetMQSocket).GetProperty("SocketHandle", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(socket)!
            : typeof(ThreadSafeSocket).GetField("m_socketHandle", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(socket)!;
        for (var type = handle.GetType(); type is not null; type = type.BaseType)
        {
            if (type.GetField("m_options", BindingFlags.NonPublic | BindingFlags.Instance) is { } field)
            {
                return field.GetValue(handle)!;
            }
        }

        throw new InvalidOperationException("NetMQ's socket options were not found; the NetMQ version changed?");
    }
}
