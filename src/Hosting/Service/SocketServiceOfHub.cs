namespace Lifeline.Hosting;

/// <summary>The <see cref="SocketService"/> of <typeparamref name="THub"/>, as dependency injection tells hubs apart.</summary>
/// <typeparam name="THub">The handler class.</typeparam>
internal sealed class SocketService<THub>(SocketService socket)
    where THub : class
{
    public SocketService Socket { get; } = socket;
}
