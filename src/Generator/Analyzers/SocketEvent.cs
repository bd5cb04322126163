using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lifeline.Generator.Analyzers;

internal enum SocketEventKind
{
    /// <summary>Connect, Bind, ConnectPeer or BindRandomPort.</summary>
    Attach,

    /// <summary>An assignment to Options.HelloMessage or Options.DisconnectMessage.</summary>
    RawOption,

    /// <summary>A call to Lifeline's SetHelloMessage or SetDisconnectMessage.</summary>
    TypedOption,
}

/// <summary>One thing a method does to a socket, in source order, reduced to what the checks need.</summary>
internal sealed class SocketEvent
{
    private SocketEvent(SocketEventKind kind, IOperation socketExpression, IOperation at)
    {
        Kind = kind;
        Socket = ReferencedSymbol(socketExpression);
        SocketName = Socket?.Name ?? socketExpression.Syntax.ToString();
        SocketType = SocketKinds.ConcreteSocket(socketExpression.Type);
        Position = at.Syntax.SpanStart;
        Location = at.Syntax.GetLocation();
    }

    public SocketEventKind Kind { get; }

    public ISymbol? Socket { get; }

    public string SocketName { get; }

    public string? SocketType { get; }

    public int Position { get; }

    public Location Location { get; }

    public bool IsDisconnect { get; private set; }

    public bool IsNull { get; private set; }

    public bool IsBind { get; private set; }

    public bool PortOptional { get; private set; }

    public string MethodName { get; private set; } = string.Empty;

    public string OptionName { get; private set; } = string.Empty;

    public string? Endpoint { get; private set; }

    public Location? EndpointLocation { get; private set; }

    public static SocketEvent? From(IOperation operation) => operation switch
    {
        ISimpleAssignmentOperation assignment => FromAssignment(assignment),
        IInvocationOperation invocation => FromInvocation(invocation),
        _ => null,
    };

    private static SocketEvent? FromAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "HelloMessage" or "DisconnectMessage" } option
            || option.Property.ContainingType.ToDisplayString() is not ("NetMQ.SocketOptions" or "NetMQ.ThreadSafeSocketOptions")
            || option.Instance is not IPropertyReferenceOperation { Property.Name: "Options", Instance: { } socket })
        {
            return null;
        }

        var isDisconnect = option.Property.Name == "DisconnectMessage";
        return new SocketEvent(SocketEventKind.RawOption, socket, option)
        {
            IsDisconnect = isDisconnect,
            IsNull = assignment.Value.ConstantValue is { HasValue: true, Value: null },
            OptionName = "Options." + option.Property.Name,
        };
    }

    private static SocketEvent? FromInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType.ToDisplayString() == "Lifeline.LifelineSocketExtensions"
            && method.Name is "SetHelloMessage" or "SetDisconnectMessage" && invocation.Arguments.Length > 0)
        {
            return new SocketEvent(SocketEventKind.TypedOption, invocation.Arguments[0].Value, invocation)
            {
                IsDisconnect = method.Name == "SetDisconnectMessage",
                OptionName = method.Name,
            };
        }

        if (method.Name is not ("Connect" or "Bind" or "ConnectPeer" or "BindRandomPort")
            || invocation.Instance is not { } socket || !SocketKinds.IsSocketBase(method.ContainingType))
        {
            return null;
        }

        var argument = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
        return new SocketEvent(SocketEventKind.Attach, socket, invocation)
        {
            IsBind = method.Name.StartsWith("Bind", System.StringComparison.Ordinal),
            PortOptional = method.Name == "BindRandomPort",
            MethodName = method.Name,
            Endpoint = argument?.ConstantValue is { HasValue: true, Value: string text } ? text : null,
            EndpointLocation = argument?.Syntax.GetLocation(),
        };
    }

    private static ISymbol? ReferencedSymbol(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property => property.Property,
            _ => null,
        };
    }
}
