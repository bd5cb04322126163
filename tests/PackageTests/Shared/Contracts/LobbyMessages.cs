using Lifeline;

namespace Lobby.Contracts
{
    /// <summary>The catalog of this assembly's records; the generator adds Catalog and Resolver.</summary>
    [LifelineCatalog]
    public static partial class LobbyMessages
    {
    }

    /// <summary>What a player says when it connects.</summary>
    [HelloMessage(Id = 0x7101)]
    public partial record PlayerHello(string Name, int Level);

    /// <summary>What the lobby says to each player that connects.</summary>
    [HelloMessage(Id = 0x7100)]
    public partial record LobbyWelcome(string Lobby, int Capacity);
}
