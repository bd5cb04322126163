using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace Lifeline.Tool;

/// <summary>An assembly with Lifeline records, loaded to use its generated catalog and formatters.</summary>
internal sealed class RecordAssembly
{
    private const string SchemaKey = "Lifeline.Schema";

    private RecordAssembly(Assembly assembly, ILifelineCatalog catalog)
    {
        Assembly = assembly;
        Catalog = catalog;
    }

    public Assembly Assembly { get; }

    /// <summary>The assembly's catalog: what <c>LifelineMessages.Catalog</c> (or the [LifelineCatalog] class's) holds.</summary>
    public ILifelineCatalog Catalog { get; }

    /// <summary>
    /// Loads the assembly; its own references resolve from its folder, and Lifeline itself is the tool's, so that
    /// the assembly's records are this runtime's.
    /// </summary>
    public static RecordAssembly Load(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            File.Exists(Path.Combine(folder, name.Name + ".dll")) ? context.LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;
        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(full);
        var catalog = CatalogClass(assembly)?.GetProperty("Catalog", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as ILifelineCatalog
            ?? throw new InvalidDataException($"{path} has no Lifeline catalog: it declares no lifecycle records");
        return new RecordAssembly(assembly, catalog);
    }

    /// <summary>The record type the schema names <paramref name="name"/> (namespace and containing types joined with '.').</summary>
    public Type? Record(string name) =>
        Types(Assembly).FirstOrDefault(t => t.FullName?.Replace('+', '.') == name && t.GetCustomAttributes().Any(IsLifecycleAttribute));

    /// <summary>The schema stored in an assembly's metadata, read without loading it; null when it has none.</summary>
    public static string? Schema(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsAssemblyMetadata(metadata, attribute))
            {
                continue;
            }

            // AssemblyMetadataAttribute(string key, string value): the prolog 01 00, then the two strings.
            var value = metadata.GetBlobReader(attribute.Value);
            value.ReadUInt16();
            if (value.ReadSerializedString() == SchemaKey)
            {
                return value.ReadSerializedString();
            }
        }

        return null;
    }

    private static bool IsAssemblyMetadata(MetadataReader metadata, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        var parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        return parent.Kind == HandleKind.TypeReference
            && metadata.GetTypeReference((TypeReferenceHandle)parent) is var type
            && metadata.GetString(type.Name) == "AssemblyMetadataAttribute"
            && metadata.GetString(type.Namespace) == "System.Reflection";
    }

    private static Type? CatalogClass(Assembly assembly) =>
        assembly.GetType("Lifeline.Generated.LifelineMessages")
        ?? Types(assembly).FirstOrDefault(t => t.GetCustomAttribute<LifelineCatalogAttribute>() is not null);

    // The types that load: an assembly's types may name others that are not there (test frameworks, say).
    private static Type[] Types(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return [.. e.Types.Where(t => t is not null)!];
        }
    }

    private static bool IsLifecycleAttribute(Attribute attribute) =>
        attribute is HelloMessageAttribute or DisconnectMessageAttribute or MessagePartAttribute;
}
