namespace SsprTools.HelpBuilder.Tests;

/// <summary>A small but complete cmdlet doc that uses every part of the format, and ways to break it.</summary>
internal static class SampleDoc
{
    public const string Name = "Get-Widget";

    public const string Text = """
        # Get-Widget

        ## Synopsis

        Gets **widgets** from the
        `widget store`.

        ## Description

        Reads widgets. See [the docs](https://example.com/widgets) and [Set-Widget](Set-Widget.md).

        What it does:

        - Reads one widget by name.
        - Lists every widget with -All.

        ## Parameters

        ```yaml
        Parameter sets: ByName, All
        ```

        ### -Name

        The widget's name.

        ```yaml
        Type: String[]
        Parameter sets: ByName
        Mandatory: true
        Position: 0
        Pipeline input: ByValue, ByPropertyName
        Aliases: WidgetName, Id
        Wildcards: true
        ```

        ### -All

        Lists every widget.

        ```yaml
        Type: SwitchParameter
        Parameter sets: All
        Mandatory: All
        ```

        ### -Color

        Only widgets of this color.

        ```yaml
        Type: String
        Accepted values: Red, Green
        Default value: Red
        ```

        ### -Store

        The store to read; needed when listing them all.

        ```yaml
        Type: System.Uri
        Mandatory: All
        ```

        ## Inputs

        ### System.String

        A widget name.

        ## Outputs

        ### Contoso.Widget

        One object per widget.

        ## Examples

        ### Example 1: Get one widget

        ```powershell
        # A comment is not a heading.
        Get-Widget -Name gear
        ```

        ```output
        Name Color
        ---- -----
        gear Red
        ```

        Gets the widget named gear.

        ### Example 2: List them all

        ```powershell
        Get-Widget -All -Store https://widgets.example
        ```

        Lists every widget.

        ## Notes

        Needs Widget.Read.

        ## Related links

        - [Set-Widget](Set-Widget.md)
        - [Online help](https://example.com/get-widget)
        """;

    /// <summary>The sample with one exact piece of text replaced (the piece must occur).</summary>
    public static string With(string find, string replace)
    {
        Assert.Contains(find, Text);
        return Text.Replace(find, replace);
    }

    public static CommandDoc Parse(string? markdown = null) => MarkdownDocParser.Parse(markdown ?? Text, "Get-Widget.md", Name);
}
