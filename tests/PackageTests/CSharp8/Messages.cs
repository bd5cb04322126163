using Lifeline;

namespace CSharp8
{
    [HelloMessage]
    public partial record OldHello(string Name);

    // Valid C# 8: no error may come from here, nor from anything the generator could emit for it.
    [LifelineCatalog]
    public static partial class LegacyMessages
    {
    }
}
