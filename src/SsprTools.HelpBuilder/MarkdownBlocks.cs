using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig;
using Md = Markdig.Syntax;

namespace SsprTools.HelpBuilder;

internal abstract record Block(int Line);

internal sealed record Heading(int Line, int Level, string Text) : Block(Line);

/// <param name="Text">The paragraph's source lines, trimmed and joined with spaces; inline marks are still there.</param>
internal sealed record Paragraph(int Line, string Text) : Block(Line);

/// <param name="Marker">'-' for a bullet, '3.' for an ordered item.</param>
internal sealed record ListItem(int Line, string Marker, string Text) : Block(Line);

internal sealed record Fence(int Line, string Info, IReadOnlyList<string> Lines) : Block(Line)
{
    public bool IsMetadata => string.Equals(Info, "yaml", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Reads a doc into a flat list of blocks with 1-based line numbers, for <see cref="MarkdownDocParser"/> to check
/// against the format. Markdig (CommonMark) finds the blocks; a list item's later paragraphs, fences and nested items
/// follow it as blocks of their own. Text keeps its inline Markdown for <see cref="Inline"/>.
/// </summary>
internal static class MarkdownBlocks
{
    // Plain CommonMark: no tables, front matter or other extensions, so nothing the format does not describe.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    private static readonly Regex AtxHeading = new(@"^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$");
    private static readonly Regex ListMarker = new(@"^\s*([-*+]|\d{1,9}[.)])");

    public static List<Block> Read(string markdown, string source)
    {
        var text = markdown.Replace("\r\n", "\n").Replace('\r', '\n');
        var reader = new Reader(text, source);
        foreach (var block in Markdown.Parse(text, Pipeline))
        {
            reader.Add(block);
        }

        return reader.Blocks;
    }

    private sealed class Reader(string text, string source)
    {
        private readonly string[] lines = text.Split('\n');

        public List<Block> Blocks { get; } = new();

        public void Add(Md.Block block)
        {
            var line = block.Line + 1;
            switch (block)
            {
                case Md.HeadingBlock heading:
                    Blocks.Add(new Heading(line, heading.Level, HeadingText(heading)));
                    break;
                case Md.FencedCodeBlock fence:
                    if (fence.ClosingFencedCharCount == 0)
                    {
                        throw new HelpDocException(source, line, "this ``` block is never closed.");
                    }

                    Blocks.Add(new Fence(line, fence.Info ?? string.Empty, fence.Lines.Lines.Take(fence.Lines.Count).Select(l => l.Slice.ToString()).ToList()));
                    break;
                case Md.ListBlock list:
                    foreach (var item in list.OfType<Md.ListItemBlock>())
                    {
                        AddItem(list, item);
                    }

                    break;
                case Md.ContainerBlock container when block is not Md.LinkReferenceDefinitionGroup:
                    // A block quote: its blocks as if they stood alone.
                    foreach (var child in container)
                    {
                        Add(child);
                    }

                    break;
                case Md.BlankLineBlock:
                    break;
                default:
                    // Paragraphs, and what the format does not use (indented code, HTML, link definitions, rules):
                    // the text as written, as a paragraph.
                    Blocks.Add(new Paragraph(line, SourceText(block)));
                    break;
            }
        }

        private void AddItem(Md.ListBlock list, Md.ListItemBlock item)
        {
            var marker = ListMarker.Match(lines[item.Line].Substring(Math.Min(item.Column, lines[item.Line].Length)));
            var written = marker.Success ? marker.Groups[1].Value : list.IsOrdered ? item.Order.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
            var first = item.Count > 0 && item[0] is Md.ParagraphBlock paragraph ? paragraph : null;
            Blocks.Add(new ListItem(item.Line + 1, char.IsDigit(written[0]) ? written.TrimEnd(')', '.') + "." : "-", first is null ? string.Empty : SourceText(first)));
            foreach (var child in item.Skip(first is null ? 0 : 1))
            {
                Add(child);
            }
        }

        private string HeadingText(Md.HeadingBlock heading)
        {
            if (heading.IsSetext)
            {
                // The underline is the heading's last line.
                var body = SourceText(heading);
                return body.Substring(0, Math.Max(0, body.LastIndexOf(' '))).Trim();
            }

            return AtxHeading.Match(lines[heading.Line]).Groups[1].Value.Trim();
        }

        /// <summary>The block's source lines, each trimmed, joined with spaces.</summary>
        private string SourceText(Md.Block block) =>
            string.Join(" ", text.Substring(block.Span.Start, block.Span.Length).Split('\n').Select(l => l.Trim()));
    }
}
