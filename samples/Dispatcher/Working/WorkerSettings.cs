using System;

namespace Dispatcher.Working;

/// <summary>Who a worker process is, from its command line.</summary>
public sealed record WorkerSettings(string Name, string Endpoint, string[] Capabilities, TimeSpan JobTime);
