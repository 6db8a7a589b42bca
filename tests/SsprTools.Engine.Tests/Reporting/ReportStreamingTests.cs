using System.Collections;
using System.Text;
using SsprTools.Engine.Reporting;
using SsprTools.Model;
using static SsprTools.Engine.Tests.Reporting.ReportSamples;

namespace SsprTools.Engine.Tests.Reporting;

public class ReportStreamingTests
{
    private const int Users = 10_000;

    [Fact]
    public void Writes_10000_users_row_by_row_without_holding_the_page_in_memory()
    {
        var output = new MeasuringWriter();
        var predictions = new WatchedPredictions(output, Enumerable.Range(0, Users)
            .Select(i => (i % 3) switch
            {
                0 => SwitchOffAdmin($"admin{i}@contoso.com"),
                1 => Member($"user{i}@contoso.com", PredictionOutcome.Fails, "SSPR_0014"),
                _ => Member($"user{i}@contoso.com", PredictionOutcome.Succeeds),
            })
            .ToArray());

        HtmlReportWriter.Write(output, Context(Switch(false)), predictions);

        Assert.Equal(Users, output.Rows);
        Assert.True(output.Characters > Users * 1_000L, $"{output.Characters} characters for {Users} users");
        // The largest single piece is the inline script or stylesheet, never the table or a page built in memory.
        Assert.True(output.LargestWrite < 32 * 1024, $"one write of {output.LargestWrite} characters");
        // Each user's row has reached the writer before the next user is read: nothing collects rows to write later.
        var table = predictions.Passes.Last();
        Assert.Equal(Users, table.Count);
        Assert.All(Enumerable.Range(1, Users - 1), i => Assert.True(table[i] == i, $"user {i} was read when {table[i]} rows had been written"));
    }

    /// <summary>Discards the page, keeping only its size, the largest piece written and the rows begun.</summary>
    private sealed class MeasuringWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public long Characters { get; private set; }

        public int LargestWrite { get; private set; }

        public int Rows { get; private set; }

        public override void Write(char value) => Characters++;

        public override void Write(string? value)
        {
            if (value is null)
            {
                return;
            }

            Characters += value.Length;
            LargestWrite = Math.Max(LargestWrite, value.Length);
            if (value == "<tbody class=\"user\"")
            {
                Rows++;
            }
        }
    }

    /// <summary>The predictions, recording for every pass how many rows the writer had begun as each one was read.</summary>
    private sealed class WatchedPredictions(MeasuringWriter output, IReadOnlyList<ResetPrediction> items) : IReadOnlyCollection<ResetPrediction>
    {
        public List<List<int>> Passes { get; } = [];

        public int Count => items.Count;

        public IEnumerator<ResetPrediction> GetEnumerator()
        {
            var rowsWhenRead = new List<int>(items.Count);
            Passes.Add(rowsWhenRead);
            foreach (var item in items)
            {
                rowsWhenRead.Add(output.Rows);
                yield return item;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
