using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Lifeline.Hosting;

/// <summary>Starts and stops the socket hosting <typeparamref name="THub"/> with the host.</summary>
/// <typeparam name="THub">The handler class.</typeparam>
internal sealed class HostedSocket<THub>(SocketService<THub> service) : IHostedService
    where THub : class
{
    public Task StartAsync(CancellationToken cancellationToken) => service.Socket.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => service.Socket.StopAsync(cancellationToken);
}
