using Lifeline;

namespace Misuse;

// Missing 'partial': the generator cannot extend it, and says so with LFL0001.
[HelloMessage]
public record NotPartialHello(string Name);
