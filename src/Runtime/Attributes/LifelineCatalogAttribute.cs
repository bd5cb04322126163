using System;

namespace Lifeline;

/// <summary>
/// Names the class that holds the assembly's generated catalog and resolver, so that you choose its name, namespace
/// and accessibility. Put it on a <c>static partial class</c> you declare:
/// <code>
/// [LifelineCatalog]
/// public static partial class LobbyMessages { }
/// </code>
/// The generator adds <c>Catalog</c> (an <see cref="ILifelineCatalog"/> over every lifecycle record of the assembly)
/// and <c>Resolver</c> (a MessagePack <c>IFormatterResolver</c>) to it, and emits no
/// <c>Lifeline.Generated.LifelineMessages</c>. A shared contracts assembly declares it public, and the server and the
/// client use it; no two assemblies then define the same generated type.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class LifelineCatalogAttribute : Attribute
{
}
