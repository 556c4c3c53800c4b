using System.Globalization;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace LowRankSparse.Interactive.Engine;

/// <summary>A metadata reference that carries the XML documentation file next to the assembly, when there is one (for inspect).</summary>
internal static class DocumentedReference
{
    public static PortableExecutableReference FromFile(string assemblyPath)
    {
        string xml = Path.ChangeExtension(assemblyPath, ".xml");
        return File.Exists(xml)
            ? MetadataReference.CreateFromFile(assemblyPath, documentation: new XmlDocumentation(xml))
            : MetadataReference.CreateFromFile(assemblyPath);
    }

    /// <summary>The &lt;member&gt; elements of a compiler-written documentation file, by documentation ID (read on first use).</summary>
    private sealed class XmlDocumentation(string path) : DocumentationProvider
    {
        private readonly Lazy<IReadOnlyDictionary<string, string>> _members = new(() => Read(path));

        protected override string GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture,
            CancellationToken cancellationToken = default) =>
            _members.Value.TryGetValue(documentationMemberID, out var xml) ? xml : "";

        private static IReadOnlyDictionary<string, string> Read(string path)
        {
            try
            {
                return XDocument.Load(path).Descendants("member")
                    .Where(m => m.Attribute("name") is not null)
                    .GroupBy(m => m.Attribute("name")!.Value)
                    .ToDictionary(g => g.Key, g => g.First().ToString());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                return new Dictionary<string, string>();   // documentation is a help: an unreadable file just means none
            }
        }

        public override bool Equals(object? obj) => obj is XmlDocumentation other && other.Path == Path;
        public override int GetHashCode() => Path.GetHashCode(StringComparison.Ordinal);
        private string Path => path;
    }
}
