using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline;

/// <summary>
/// The async alternative to handlers and pollers: an <see cref="IAsyncEnumerable{T}"/> of typed lifecycle events
/// and application messages, in arrival order, with the same presence rules. Enumeration owns the socket until
/// it ends; cancelling the token ends it (with <see cref="OperationCanceledException"/>, as usual).
/// </summary>
public static class LifelineEvents
{
    // How often the receiving thread looks at the token between messages.
    private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(50);

    /// <summary>Events of a ROUTER.</summary>
    /// <param name="socket">The socket, configured and bound or connected.</param>
    /// <param name="catalog">The records to decode, usually <c>Lifeline.Generated.LifelineMessages.Catalog</c>.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static IAsyncEnumerable<LifelineEvent> ReadAllAsync(RouterSocket socket, ILifelineCatalog catalog, CancellationToken cancellationToken = default) =>
        FromPollable(handler => new LifelineSocket(socket, handler) { ReusesMessages = false }, catalog, cancellationToken);

    /// <summary>Events of a PEER socket.</summary>
    /// <param name="socket">The socket, configured and bound or connected.</param>
    /// <param name="catalog">The records to decode.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static IAsyncEnumerable<LifelineEvent> ReadAllAsync(PeerSocket socket, ILifelineCatalog catalog, CancellationToken cancellationToken = default) =>
        FromPollable(handler => new LifelineSocket(socket, handler) { ReusesMessages = false }, catalog, cancellationToken);

    /// <summary>Events of a DEALER.</summary>
    /// <param name="socket">The socket, configured and connected.</param>
    /// <param name="catalog">The records to decode.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static IAsyncEnumerable<LifelineEvent> ReadAllAsync(DealerSocket socket, ILifelineCatalog catalog, CancellationToken cancellationToken = default) =>
        FromPollable(handler => new LifelineSocket(socket, handler) { ReusesMessages = false }, catalog, cancellationToken);

    /// <summary>Events of a SERVER (thread-safe: received asynchronously, no extra thread).</summary>
    /// <param name="socket">The socket, configured and bound.</param>
    /// <param name="catalog">The records to decode.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static async IAsyncEnumerable<LifelineEvent> ReadAllAsync(ServerSocket socket, ILifelineCatalog catalog, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var channel = Channel.CreateUnbounded<LifelineEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var handler = new CatalogEventHandler(catalog, channel.Writer);
        var session = new LifelineSession(isRouted: true);
        while (true)
        {
            var (routingId, payload) = await socket.ReceiveBytesAsync(cancellationToken).ConfigureAwait(false);
            await LifelineDispatcher.DispatchAsync(handler, session, PeerId.FromRoutingId(routingId), payload).ConfigureAwait(false);
            while (channel.Reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    /// <summary>Events of a CLIENT (thread-safe: received asynchronously, no extra thread).</summary>
    /// <param name="socket">The socket, configured and connected.</param>
    /// <param name="catalog">The records to decode.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static async IAsyncEnumerable<LifelineEvent> ReadAllAsync(ClientSocket socket, ILifelineCatalog catalog, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var channel = Channel.CreateUnbounded<LifelineEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var handler = new CatalogEventHandler(catalog, channel.Writer);
        var session = new LifelineSession(isRouted: false);
        while (true)
        {
            var payload = await socket.ReceiveBytesAsync(cancellationToken).ConfigureAwait(false);
            await LifelineDispatcher.DispatchAsync(handler, session, PeerId.None, payload).ConfigureAwait(false);
            while (channel.Reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    private static async IAsyncEnumerable<LifelineEvent> FromPollable(Func<ILifelineHandler, LifelineSocket> host, ILifelineCatalog catalog, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var channel = Channel.CreateUnbounded<LifelineEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // NetMQ sockets are not thread-safe: one dedicated thread does every receive while enumeration lasts.
        var receiver = new Thread(() =>
        {
            try
            {
                using var lifeline = host(new CatalogEventHandler(catalog, channel.Writer));
                while (!stop.IsCancellationRequested)
                {
                    lifeline.TryProcess(PollSlice);
                }

                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
            }
        })
        {
            IsBackground = true,
            Name = "Lifeline events",
        };
        receiver.Start();
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            // Hand the socket back only once the receiving thread is done with it.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.Run(receiver.Join, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
