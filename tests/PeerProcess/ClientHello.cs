namespace Lifeline.PeerProcess;

/// <summary>The same wire shape and id as the tests' ClientHello, declared in another assembly.</summary>
[HelloMessage(Id = 0x1001)]
public partial record ClientHello(string Name, int Version);
