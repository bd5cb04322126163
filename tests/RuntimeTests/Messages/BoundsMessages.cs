using System;
using System.Collections.Generic;

namespace Lifeline.RuntimeTests.Messages;

/// <summary>A hello carrying timestamps, for the strict timestamp decoding tests.</summary>
[HelloMessage(Id = 0x4002)]
public partial record ClockHello(DateTime At, DateTimeOffset? AtOffset = null);

/// <summary>A small part whose members all have defaults, so an empty map decodes as one.</summary>
[MessagePart]
public partial record Tag(string? Name = null);

/// <summary>A hello with collections a peer can fill with many small elements.</summary>
[HelloMessage(Id = 0x4003)]
public partial record BulkHello(List<Tag> Tags, List<string>? Words = null, int[]? Numbers = null);
