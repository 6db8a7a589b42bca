using System.Text;
using SsprTools.Engine.Model;
using SsprTools.Engine.Reporting;
using static SsprTools.Engine.Tests.Reporting.ReportSamples;

namespace SsprTools.Engine.Tests.Reporting;

/// <summary>Measures the managed heap, so it runs alone (see <see cref="HeapMeasuringCollection"/>).</summary>
[Collection(HeapMeasuringCollection.Name)]
public class ReportStreamingTests
{
    private const int Users = 10_000;

    [Fact]
    public void Writes_10000_users_row_by_row_without_holding_the_page_in_memory()
    {
        var predictions = Enumerable.Range(0, Users)
            .Select(i => (i % 3) switch
            {
                0 => SwitchOffAdmin($"admin{i}@contoso.com"),
                1 => Member($"user{i}@contoso.com", PredictionOutcome.Fails, "SSPR_0014"),
                _ => Member($"user{i}@contoso.com", PredictionOutcome.Succeeds),
            })
            .ToArray();
        var output = new MeasuringWriter();

        HtmlReportWriter.Write(output, Context(Switch(false)), predictions);

        Assert.Equal(Users, output.Rows);
        Assert.True(output.Characters > Users * 1_000L, $"{output.Characters} characters for {Users} users");
        // The largest single piece is the inline script or stylesheet, never the table or a page built in memory.
        Assert.True(output.LargestWrite < 32 * 1024, $"one write of {output.LargestWrite} characters");
        // What stays alive while writing is a small fraction of the page (two bytes a character in memory).
        Assert.True(output.PeakHeapGrowth < output.Characters / 4, $"heap grew {output.PeakHeapGrowth:N0} bytes for a {output.Characters:N0}-character page");
    }

    /// <summary>Discards the page, keeping only its size, the largest piece written, the rows, and the live heap every 500 rows.</summary>
    private sealed class MeasuringWriter : TextWriter
    {
        private readonly long _heapAtStart = GC.GetTotalMemory(forceFullCollection: true);

        public override Encoding Encoding => Encoding.UTF8;

        public long Characters { get; private set; }

        public int LargestWrite { get; private set; }

        public int Rows { get; private set; }

        public long PeakHeapGrowth { get; private set; }

        public override void Write(char value) => Characters++;

        public override void Write(string? value)
        {
            if (value is null)
            {
                return;
            }

            Characters += value.Length;
            LargestWrite = Math.Max(LargestWrite, value.Length);
            if (value == "<tbody class=\"user\"" && ++Rows % 500 == 0)
            {
                PeakHeapGrowth = Math.Max(PeakHeapGrowth, GC.GetTotalMemory(forceFullCollection: true) - _heapAtStart);
            }
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasuringCollection
{
    public const string Name = "Heap measuring";
}
