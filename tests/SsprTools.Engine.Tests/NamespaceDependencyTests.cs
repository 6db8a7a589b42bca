using System.Text.RegularExpressions;

namespace SsprTools.Engine.Tests;

/// <summary>
/// The engine's folders depend on each other in one direction only: the connection holds the client and credentials and
/// knows none of the services (diagnosis, admin switch, audit log, completion) that take it; rules never reach back into
/// the readers. Read from the sources: every `using SsprTools.Engine.X` and every `X.Type` naming a type declared in X.
/// </summary>
public partial class NamespaceDependencyTests
{
    private static readonly Dictionary<string, HashSet<string>> Graph = BuildGraph();

    [Fact]
    public void TheEngineNamespacesHaveNoCycle()
    {
        var cycle = FindCycle();
        Assert.True(cycle is null, $"namespace cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Theory]
    [InlineData("Connection", "Diagnosis")]
    [InlineData("Connection", "Policy")]
    [InlineData("Connection", "Activity")]
    [InlineData("Connection", "Completion")]
    [InlineData("Connection", "Rules")]
    [InlineData("Connection", "Reporting")]
    [InlineData("Graph", "Connection")]
    [InlineData("Graph", "Diagnosis")]
    [InlineData("Rules", "Diagnosis")]
    [InlineData("Rules", "Graph")]
    [InlineData("Catalogs", "Rules")]
    public void LowerLayerDoesNotKnowHigherOne(string lower, string higher) =>
        Assert.DoesNotContain(higher, Graph[lower]);

    [Fact]
    public void TheGraphIsReadFromTheSources()
    {
        // A check that sees no edge would pass vacuously: the known directions must be found.
        Assert.Contains("Connection", Graph["Diagnosis"]);
        Assert.Contains("Graph", Graph["Connection"]);
        Assert.Contains("Rules", Graph["Diagnosis"]);
        Assert.True(Graph.Count >= 12, string.Join(", ", Graph.Keys));
    }

    private static List<string>? FindCycle()
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in Graph.GetValueOrDefault(node, []))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.SkipWhile(n => n != next), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        return Graph.Keys.Where(k => state.GetValueOrDefault(k) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static Dictionary<string, HashSet<string>> BuildGraph()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SsprTools.sln")))
        {
            root = root.Parent;
        }

        var engine = Path.Combine(root!.FullName, "src", "SsprTools.Engine");
        var files = Directory.GetFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (Path: f, Code: StripCommentsAndStrings(File.ReadAllText(f))))
            .Select(f => (f.Path, f.Code, Namespace: NamespaceOf(f.Code)))
            .Where(f => f.Namespace is not null)
            .ToList();
        var typesByNamespace = files
            .GroupBy(f => f.Namespace!)
            .ToDictionary(g => g.Key, g => g.SelectMany(f => Declaration().Matches(f.Code).Select(m => m.Groups[1].Value)).ToHashSet());
        var graph = typesByNamespace.Keys.ToDictionary(k => k, _ => new HashSet<string>());
        foreach (var (_, code, ns) in files)
        {
            foreach (Match m in UsingOrQualified().Matches(code))
            {
                Add(graph, ns!, m.Groups[1].Value);
            }

            foreach (Match m in ShortQualified().Matches(code))
            {
                if (typesByNamespace.TryGetValue(m.Groups[1].Value, out var types) && types.Contains(m.Groups[2].Value))
                {
                    Add(graph, ns!, m.Groups[1].Value);
                }
            }
        }

        return graph;
    }

    private static void Add(Dictionary<string, HashSet<string>> graph, string from, string to)
    {
        if (from != to && graph.ContainsKey(to))
        {
            graph[from].Add(to);
        }
    }

    private static string? NamespaceOf(string code) => EngineNamespace().Match(code) is { Success: true } m ? m.Groups[1].Value : null;

    private static string StripCommentsAndStrings(string code) =>
        StringOrComment().Replace(code, m => m.Value.StartsWith("//", StringComparison.Ordinal) || m.Value.StartsWith("/*", StringComparison.Ordinal) ? " " : "\"\"");

    [GeneratedRegex(@"^namespace SsprTools\.Engine\.(\w+);", RegexOptions.Multiline)]
    private static partial Regex EngineNamespace();

    [GeneratedRegex(@"\b(?:class|record|enum|interface|struct)\s+(\w+)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"SsprTools\.Engine\.(\w+)\b")]
    private static partial Regex UsingOrQualified();

    [GeneratedRegex(@"(?<![\w.])(\w+)\.(\w+)")]
    private static partial Regex ShortQualified();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:""""|[^""])*""|\$?""(?:\\.|[^""\\\n])*""", RegexOptions.Singleline)]
    private static partial Regex StringOrComment();
}
