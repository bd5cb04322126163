namespace Lifeline.GeneratorTests.Inputs;

/// <summary>
/// A small valid project as users have it: six records in one file and a handler class in another.
/// </summary>
internal static class ProjectInputs
{
    public const string Records = """
        using System;
        using System.Collections.Generic;
        using Lifeline;

        namespace Shop
        {
            [MessagePart]
            public partial record Address(string Street, int Number);

            [HelloMessage(Id = 1)]
            public partial record CustomerHello(string Name, int Version, List<Address> Addresses);

            [HelloMessage(Id = 2)]
            public partial record CourierHello(string Name, Guid Vehicle);

            [HelloMessage]
            public partial record AuditorHello(string Name, DateTime Since);

            [DisconnectMessage(Id = 3)]
            public partial record CustomerGone(string Reason);

            [DisconnectMessage(Id = 4)]
            public partial record CourierGone(string Reason, TimeSpan After);
        }
        """;

    public const string Handler = """
        using Lifeline;
        using NetMQ;

        namespace Shop
        {
            [LifelineHandler]
            public partial class Dispatch
            {
                void OnPeerConnected(PeerId peer, CustomerHello hello) { }
                void OnPeerConnected(PeerId peer, CourierHello hello) { }
                void OnPeerDisconnected(PeerId peer, CustomerGone gone) { }
                void OnMessage(PeerId peer, NetMQMessage message) { }
            }
        }
        """;
}
