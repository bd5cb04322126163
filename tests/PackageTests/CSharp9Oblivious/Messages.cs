using System.Collections.Generic;
using Lifeline;
using Lifeline.Generated;
using NetMQ;
using NetMQ.Sockets;

namespace CSharp9Oblivious
{
    [MessagePart]
    public partial record Seat(string Table, int? Number);

    [HelloMessage]
    public partial record GuestHello(string Name, string Nickname, List<string> Allergies, Dictionary<string, Seat> Seats);

    [HelloMessage]
    public partial record HostHello
    {
        public string Venue { get; init; }

        public string Motto { get; init; }
    }

    [DisconnectMessage]
    public partial record GuestGone(string Reason, string Detail);

    [LifelineHandler]
    public sealed partial class Door
    {
        public string LastGuest { get; private set; }

        private void OnPeerConnected(PeerId peer, GuestHello hello) => LastGuest = hello.Nickname ?? hello.Name;

        private void OnPeerDisconnected(PeerId peer, GuestHello hello, GuestGone gone) => LastGuest = null;

        private void OnUnknownPeerDisconnected(PeerId peer, GuestGone gone)
        {
        }

        private void OnMessage(PeerId peer, NetMQMessage message)
        {
        }
    }

    public static class Setup
    {
        public static LifelineReader Reader() => new LifelineReader(LifelineMessages.Catalog);

        public static void Configure(RouterSocket router, DealerSocket dealer)
        {
            router.SetDisconnectMessage(new GuestGone("left", null));
            dealer.SetHelloMessage(new GuestHello("ada", null, new List<string>(), new Dictionary<string, Seat> { ["dinner"] = new Seat("A", null) }));
        }
    }
}
