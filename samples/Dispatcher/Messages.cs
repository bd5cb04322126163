using System.Collections.Generic;
using Lifeline;

namespace Dispatcher;

/// <summary>What a worker tells the dispatcher on every connection: who it is and what it can run.</summary>
[HelloMessage(Id = 0x0D01)]
public partial record WorkerHello(string Name, List<string> Capabilities, int ProcessId);

/// <summary>What the dispatcher tells each worker on every connection; a restarted dispatcher has a new generation.</summary>
[HelloMessage(Id = 0x0D02)]
public partial record DispatcherHello(string Dispatcher, int Generation);

/// <summary>What the dispatcher's own socket hands it when a worker's connection goes away.</summary>
[DisconnectMessage(Id = 0x0D03)]
public partial record WorkerGone(string Reason);
