using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;

// Usage: Contents <Lifeline.x.y.z.nupkg> <Lifeline.x.y.z.snupkg>. Prints one line per check; exits 1 if any failed.
string[] targets = ["net472", "netstandard2.1", "net8.0", "net10.0"];
const string Repository = "https://github.com/lifeline-zmq/lifeline";
var failures = 0;

using var package = ZipFile.OpenRead(args[0]);
using var symbols = ZipFile.OpenRead(args[1]);

foreach (var target in targets)
{
    Check($"lib/{target}/Lifeline.dll and its XML documentation are packed", Has(package, $"lib/{target}/Lifeline.dll") && Has(package, $"lib/{target}/Lifeline.xml"));
}

Check("the generator and the code fixes are packed in analyzers/dotnet/roslyn4.8/cs",
    Has(package, "analyzers/dotnet/roslyn4.8/cs/Lifeline.Generator.dll") && Has(package, "analyzers/dotnet/roslyn4.8/cs/Lifeline.CodeFixes.dll"));
Check("no other lib/ folder is packed", package.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal)).All(e => targets.Contains(e.FullName.Split('/')[1])));

var readme = Text(package, "README.md");
var relative = Regex.Matches(readme, @"\]\((?![A-Za-z][A-Za-z0-9+.-]*:|#)([^)\s]+)\)").Select(m => m.Groups[1].Value).ToList();
Check($"the packed README has no relative link{(relative.Count == 0 ? "" : ": " + string.Join(", ", relative))}", relative.Count == 0);
Check("the packed README links docs/ on GitHub", readme.Contains($"]({Repository}/blob/main/docs/reliability.md)", StringComparison.Ordinal));

var nuspec = Text(package, "Lifeline.nuspec");
var commit = Regex.Match(nuspec, $"<repository type=\"git\" url=\"{Regex.Escape(Repository)}\"[^>]* commit=\"([0-9a-f]{{40}})\"").Groups[1].Value;
Check($"the nuspec names the repository and the commit {commit}", commit.Length == 40);

foreach (var target in targets)
{
    var pdbEntry = symbols.GetEntry($"lib/{target}/Lifeline.pdb");
    if (pdbEntry is null)
    {
        Check($"lib/{target}/Lifeline.pdb is in the symbol package", false);
        continue;
    }

    using var pe = new PEReader(new MemoryStream(Bytes(package, $"lib/{target}/Lifeline.dll")));
    using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(Bytes(symbols, pdbEntry.FullName)));
    var pdb = pdbProvider.GetMetadataReader();

    var debug = pe.ReadDebugDirectory();
    var codeView = debug.Single(d => d.Type == DebugDirectoryEntryType.CodeView);
    var matches = new BlobContentId(pdb.DebugMetadataHeader!.Id).Guid == pe.ReadCodeViewDebugDirectoryData(codeView).Guid;
    Check($"lib/{target}/Lifeline.pdb belongs to the packed dll and the dll is deterministic",
        matches && debug.Any(d => d.Type == DebugDirectoryEntryType.Reproducible));

    // SourceLink: a JSON map from local path prefixes to raw GitHub URLs at the commit.
    var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    var embeddedSourceKind = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
    var map = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
        .Select(pdb.GetCustomDebugInformation)
        .Where(c => pdb.GetGuid(c.Kind) == sourceLinkKind)
        .Select(c => JsonDocument.Parse(pdb.GetBlobBytes(c.Value)).RootElement.GetProperty("documents"))
        .SelectMany(d => d.EnumerateObject())
        .ToDictionary(p => p.Name, p => p.Value.GetString()!);
    var expectedUrl = $"https://raw.githubusercontent.com/lifeline-zmq/lifeline/{commit}/*";
    Check($"lib/{target}/Lifeline.pdb has SourceLink to {expectedUrl}", map.Values.Contains(expectedUrl));

    var unmapped = pdb.Documents.Select(d => (Handle: d, Name: pdb.GetString(pdb.GetDocument(d).Name)))
        .Where(d => !map.Keys.Any(prefix => d.Name.StartsWith(prefix.TrimEnd('*'), StringComparison.Ordinal)))
        .Where(d => !pdb.GetCustomDebugInformation(d.Handle).Any(c => pdb.GetGuid(pdb.GetCustomDebugInformation(c).Kind) == embeddedSourceKind))
        .Select(d => d.Name)
        .ToList();
    var reader = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).Any(n => n.EndsWith("src/Runtime/Reading/LifelineReader.cs", StringComparison.Ordinal));
    Check($"every source of lib/{target}/Lifeline.pdb is mapped or embedded{(unmapped.Count == 0 ? "" : $": {unmapped.Count} are not, such as {unmapped[0]}")}", reader && unmapped.Count == 0);
}

Console.WriteLine(failures == 0 ? "package contents: all checks passed" : $"package contents: {failures} checks failed");
return failures == 0 ? 0 : 1;

void Check(string what, bool ok)
{
    Console.WriteLine($"package contents: {(ok ? "ok  " : "FAIL")} {what}");
    failures += ok ? 0 : 1;
}

static bool Has(ZipArchive zip, string path) => zip.GetEntry(path) is not null;

static byte[] Bytes(ZipArchive zip, string path)
{
    using var stream = zip.GetEntry(path)!.Open();
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    return copy.ToArray();
}

static string Text(ZipArchive zip, string path) => System.Text.Encoding.UTF8.GetString(Bytes(zip, path));
