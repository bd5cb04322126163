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
/// and application messages, in arrival order, with the same rules as handlers. Enumeration owns the socket until
/// it ends; cancelling the token ends it (with <see cref="OperationCanceledException"/>, as usual).
/// </summary>
/// <remarks>
/// The stream is bounded: at most <see cref="Capacity"/> events wait for a slow consumer; then the socket is not read
/// until the consumer catches up, so ZeroMQ's high-water mark, not memory, absorbs the difference.
/// </remarks>
public static class LifelineEvents
{
    /// <summary>How many received events at most wait for the consumer of a ROUTER, PEER or DEALER stream (128).</summary>
    public const int Capacity = 128;

    // How often the receiving thread looks at the token between messages.
    private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(50);

    /// <summary>Events of a ROUTER.</summary>
    /// <param name="socket">The socket, configured and bound or connected.</param>
    /// <param name="catalog">The records to decode, usually <c>Lifeline.Generated.LifelineMessages.Catalog</c>.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static IAsyncEnumerable<LifelineEvent> ReadAllAsync(RouterSocket socket, ILifelineCatalog catalog, CancellationToken cancellationToken = default) =>
        FromPollable(socket, isRouted: true, catalog, cancellationToken);

    /// <summary>Events of a PEER socket.</summary>
    /// <param name="socket">The socket, configured and bound or connected.</param>
    /// <param name="catalog">The records to decode.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static IAsyncEnumerable<LifelineEvent> ReadAllAsync(PeerSocket socket, ILifelineCatalog catalog, CancellationToken cancellationToken = default) =>
        FromPollable(socket, isRouted: true, catalog, cancellationToken);

    /// <summary>Events of a DEALER.</summary>
    /// <param name="socket">The socket, configured and connected.</param>
    /// <param name="catalog">The records to decode.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static IAsyncEnumerable<LifelineEvent> ReadAllAsync(DealerSocket socket, ILifelineCatalog catalog, CancellationToken cancellationToken = default) =>
        FromPollable(socket, isRouted: false, catalog, cancellationToken);

    /// <summary>Events of a SERVER (thread-safe: received asynchronously, no extra thread, one message per event pulled).</summary>
    /// <param name="socket">The socket, configured and bound.</param>
    /// <param name="catalog">The records to decode.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static async IAsyncEnumerable<LifelineEvent> ReadAllAsync(ServerSocket socket, ILifelineCatalog catalog, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        SocketSetup.BoundMessageSize(socket, LifelineFrame.DefaultMaxFrameSize);
        var core = new LifecycleCore(isRouted: true, catalog, SocketSetup.EnsureSealedDisconnect(socket), LifelineFrame.DefaultMaxFrameSize);
        while (true)
        {
            var (routingId, payload) = await socket.ReceiveBytesAsync(cancellationToken).ConfigureAwait(false);
            var peer = PeerId.FromRoutingId(routingId);
            yield return LifelineEvent.From(core.Classify(peer, payload), Single(payload));
        }
    }

    /// <summary>Events of a CLIENT (thread-safe: received asynchronously, no extra thread, one message per event pulled).</summary>
    /// <param name="socket">The socket, configured and connected.</param>
    /// <param name="catalog">The records to decode.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    /// <remarks>
    /// NetMQ offers no connection events on a CLIENT, so only the server's first hello is taken as a lifecycle event;
    /// a hello after a reconnect arrives as a <see cref="MessageEvent"/> with <see cref="NotLifecycleReason.HelloNotFirst"/>.
    /// </remarks>
    public static async IAsyncEnumerable<LifelineEvent> ReadAllAsync(ClientSocket socket, ILifelineCatalog catalog, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        SocketSetup.BoundMessageSize(socket, LifelineFrame.DefaultMaxFrameSize);
        var core = new LifecycleCore(isRouted: false, catalog, null, LifelineFrame.DefaultMaxFrameSize);
        while (true)
        {
            var payload = await socket.ReceiveBytesAsync(cancellationToken).ConfigureAwait(false);
            yield return LifelineEvent.From(core.Classify(PeerId.None, payload), Single(payload));
        }
    }

    private static NetMQMessage Single(byte[] payload)
    {
        var message = new NetMQMessage(1);
        message.Append(payload);
        return message;
    }

    private static async IAsyncEnumerable<LifelineEvent> FromPollable(NetMQSocket socket, bool isRouted, ILifelineCatalog catalog, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(catalog);
        var channel = Channel.CreateBounded<LifelineEvent>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // NetMQ sockets are not thread-safe: one dedicated thread does every receive while enumeration lasts.
        var receiver = new Thread(() => Receive(socket, isRouted, catalog, channel.Writer, stop.Token))
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

    private static void Receive(NetMQSocket socket, bool isRouted, ILifelineCatalog catalog, ChannelWriter<LifelineEvent> events, CancellationToken stop)
    {
        try
        {
            using var feed = new SocketFeed(socket, isRouted, catalog, LifelineFrame.DefaultMaxFrameSize) { ReusesMessages = false };
            feed.ReceiveFaulted += exception => System.Diagnostics.Trace.TraceError("Lifeline events: NetMQ threw while receiving; contained: {0}", exception);
            while (!stop.IsCancellationRequested)
            {
                if (!feed.TryNext(PollSlice, out var lifecycleEvent, out var message))
                {
                    continue;
                }

                var item = LifelineEvent.From(lifecycleEvent, message);
                while (!events.TryWrite(item))
                {
                    // Full: stop reading the socket until the consumer makes room; the high-water mark takes over.
                    if (!events.WaitToWriteAsync(stop).AsTask().GetAwaiter().GetResult())
                    {
                        return;
                    }
                }
            }

            events.TryComplete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            events.TryComplete();
        }
        catch (Exception ex)
        {
            events.TryComplete(ex);
        }
    }
}
