using System.Collections.Generic;
using Lifeline;

namespace Lobby;

/// <summary>What a player tells the lobby when it connects.</summary>
[HelloMessage(Id = 0x0101)]
public partial record PlayerHello(string Name, string Team, int Level, List<string> Skills);

/// <summary>What the lobby tells each player when it connects.</summary>
[HelloMessage(Id = 0x0100)]
public partial record LobbyHello(string Lobby, int Capacity);

/// <summary>What the lobby's own socket hands it when a player's connection goes away.</summary>
[DisconnectMessage(Id = 0x0201)]
public partial record PlayerGone(string Reason);
