using Lifeline;

/// <summary>Vector 1 of docs/wire-format.md, so that the lifeline tool can decode the documented frame with this assembly.</summary>
[HelloMessage(Id = 0x1001)]
public partial record ClientHello(string Name, int Version);
