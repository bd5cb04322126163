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
/// The stream is bounded: at most <see cref="LifelineLimits.EventCapacity"/> events (128 by default) wait for a slow consumer; then the socket is not read
/// until the consumer catches up, so ZeroMQ's high-water mark, not memory, absorbs the difference.
/// </remarks>
public static class LifelineEvents
{
    // How often the receiving thread looks at the token between messages.
    private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(50);

    /// <summary>Events of a ROUTER.</summary>
    /// <param name="socket">The socket, configured and bound or connected.</param>
    /// <param name="catalog">The records to decode, usually <c>Lifeline.Generated.LifelineMessages.Catalog</c>.</param>
    /// <param name="limits">The bounds on what peers may make the stream spend; <see cref="LifelineLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static IAsyncEnumerable<LifelineEvent> ReadAllAsync(RouterSocket socket, ILifelineCatalog catalog, LifelineLimits? limits = null, CancellationToken cancellationToken = default) =>
        FromPollable(socket, isRouted: true, catalog, limits ?? LifelineLimits.Default, cancellationToken);

    /// <summary>Events of a PEER socket.</summary>
    /// <param name="socket">The socket, configured and bound or connected.</param>
    /// <param name="catalog">The records to decode.</param>
    /// <param name="limits">The bounds on what peers may make the stream spend; <see cref="LifelineLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static IAsyncEnumerable<LifelineEvent> ReadAllAsync(PeerSocket socket, ILifelineCatalog catalog, LifelineLimits? limits = null, CancellationToken cancellationToken = default) =>
        FromPollable(socket, isRouted: true, catalog, limits ?? LifelineLimits.Default, cancellationToken);

    /// <summary>Events of a DEALER.</summary>
    /// <param name="socket">The socket, configured and connected.</param>
    /// <param name="catalog">The records to decode.</param>
    /// <param name="limits">The bounds on what peers may make the stream spend; <see cref="LifelineLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static IAsyncEnumerable<LifelineEvent> ReadAllAsync(DealerSocket socket, ILifelineCatalog catalog, LifelineLimits? limits = null, CancellationToken cancellationToken = default) =>
        FromPollable(socket, isRouted: false, catalog, limits ?? LifelineLimits.Default, cancellationToken);

    /// <summary>Events of a SERVER (thread-safe: received asynchronously, no extra thread, one message per event pulled).</summary>
    /// <param name="socket">The socket, configured and bound.</param>
    /// <param name="catalog">The records to decode.</param>
    /// <param name="limits">The bounds on what peers may make the stream spend; <see cref="LifelineLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    public static async IAsyncEnumerable<LifelineEvent> ReadAllAsync(ServerSocket socket, ILifelineCatalog catalog, LifelineLimits? limits = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Guard.NotNull(socket);
        var maxFrameSize = (limits ?? LifelineLimits.Default).MaxFrameSize;
        SocketSetup.BoundMessageSize(socket, maxFrameSize);
        var core = new LifecycleCore(isRouted: true, catalog, SocketSetup.EnsureSealedDisconnect(socket), maxFrameSize);
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
    /// <param name="limits">The bounds on what peers may make the stream spend; <see cref="LifelineLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in arrival order.</returns>
    /// <remarks>
    /// NetMQ offers no connection events on a CLIENT, so only the server's first hello is taken as a lifecycle event;
    /// a hello after a reconnect arrives as a <see cref="MessageEvent"/> with <see cref="NotLifecycleReason.HelloNotFirst"/>.
    /// </remarks>
    public static async IAsyncEnumerable<LifelineEvent> ReadAllAsync(ClientSocket socket, ILifelineCatalog catalog, LifelineLimits? limits = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Guard.NotNull(socket);
        var maxFrameSize = (limits ?? LifelineLimits.Default).MaxFrameSize;
        SocketSetup.BoundMessageSize(socket, maxFrameSize);
        var core = new LifecycleCore(isRouted: false, catalog, null, maxFrameSize);
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

    private static async IAsyncEnumerable<LifelineEvent> FromPollable(NetMQSocket socket, bool isRouted, ILifelineCatalog catalog, LifelineLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guard.NotNull(socket);
        Guard.NotNull(catalog);
        var channel = Channel.CreateBounded<LifelineEvent>(new BoundedChannelOptions(limits.EventCapacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // NetMQ sockets are not thread-safe: one dedicated thread does every receive while enumeration lasts.
        var receiver = new Thread(() => Receive(socket, isRouted, catalog, limits.MaxFrameSize, channel.Writer, stop.Token))
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
#if NET8_0_OR_GREATER
            await stop.CancelAsync().ConfigureAwait(false);
#else
            stop.Cancel();
#endif
            await Task.Run(receiver.Join, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static void Receive(NetMQSocket socket, bool isRouted, ILifelineCatalog catalog, int maxFrameSize, ChannelWriter<LifelineEvent> events, CancellationToken stop)
    {
        try
        {
            using var feed = new SocketFeed(socket, isRouted, catalog, maxFrameSize) { ReusesMessages = false };
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
