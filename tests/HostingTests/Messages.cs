using System.Collections.Generic;

namespace Lifeline.HostingTests;

/// <summary>What a worker says when it connects.</summary>
[HelloMessage(Id = 0x7101)]
public partial record WorkerHello(string Name, List<string> Capabilities);

/// <summary>What a monitoring peer says when it connects.</summary>
[HelloMessage(Id = 0x7102)]
public partial record MonitorHello(string Name);

/// <summary>What the server says to every peer.</summary>
[HelloMessage(Id = 0x7103)]
public partial record ServerHello(string Server, int Generation);

/// <summary>What the server's socket hands it when a worker goes away.</summary>
[DisconnectMessage(Id = 0x7201)]
public partial record WorkerGone(string Reason);
