using System.Globalization;
using System.Text;
using SsprTools.GraphSimulator.Pipeline;

namespace SsprTools.GraphSimulator.OData;

/// <summary>
/// Recursive-descent parser for $filter. Grammar: or-expr := and-expr ('or' and-expr)*; and-expr := unary ('and' unary)*;
/// unary := 'not' unary | '(' or-expr ')' | function | lambda | comparison | in.
/// A syntax error is Graph's 400 "Invalid filter clause".
/// </summary>
internal sealed class FilterParser
{
    private static readonly string[] ComparisonOperators = ["eq", "ne", "gt", "ge", "lt", "le"];
    private readonly string _text;
    private readonly List<string> _tokens;
    private int _position;

    private FilterParser(string text)
    {
        _text = text;
        _tokens = Tokenize(text);
    }

    public static FilterNode Parse(string text)
    {
        var parser = new FilterParser(text);
        var node = parser.ParseOr();
        if (parser._position != parser._tokens.Count)
            throw parser.Error();
        return node;
    }

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (PeekIs("or"))
        {
            _position++;
            left = new Logical("or", left, ParseAnd());
        }
        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseUnary();
        while (PeekIs("and"))
        {
            _position++;
            left = new Logical("and", left, ParseUnary());
        }
        return left;
    }

    private FilterNode ParseUnary()
    {
        if (PeekIs("not"))
        {
            _position++;
            return new Not(ParseUnary());
        }
        if (Peek() == "(")
        {
            _position++;
            var inner = ParseOr();
            Expect(")");
            return inner;
        }
        var name = Next();
        if (Peek() == "(" && name is "startsWith" or "endsWith" or "startswith" or "endswith")
        {
            _position++;
            var property = Identifier();
            Expect(",");
            var value = ParseLiteral();
            Expect(")");
            return new StringFunction(name.ToLowerInvariant() == "startswith" ? "startsWith" : "endsWith", property, value);
        }
        if (!IsIdentifier(name))
            throw Error();
        var slash = name.IndexOf('/');
        if (slash > 0 && name[(slash + 1)..].Equals("any", StringComparison.OrdinalIgnoreCase))
            return ParseLambda(name[..slash]);
        if (PeekIs("in"))
        {
            _position++;
            Expect("(");
            var values = new List<Literal> { ParseLiteral() };
            while (Peek() == ",")
            {
                _position++;
                values.Add(ParseLiteral());
            }
            Expect(")");
            return new InList(name, values);
        }
        var op = Next().ToLowerInvariant();
        if (!ComparisonOperators.Contains(op))
            throw Error();
        return new Comparison(name, op, ParseLiteral());
    }

    private FilterNode ParseLambda(string collection)
    {
        Expect("(");
        var variable = Identifier();
        Expect(":");
        var predicate = ParseOr();
        Expect(")");
        return new AnyLambda(collection, variable, predicate);
    }

    private Literal ParseLiteral()
    {
        var token = Next();
        if (token.StartsWith('\''))
            return new Literal(token[1..^1].Replace("''", "'"));
        return token.ToLowerInvariant() switch
        {
            "true" => new Literal(true),
            "false" => new Literal(false),
            "null" => new Literal(null),
            _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => new Literal(number),
            _ when Guid.TryParse(token, out _) => new Literal(token),
            _ when IsDateTimeOffset(token, out var moment) => new Literal(moment),
            _ => throw Error(),
        };
    }

    /// <summary>OData ABNF dateTimeOffsetValue: year "-" month "-" day "T" hour ":" minute [":" second ["." fraction]]
    /// ("Z" / sign hour ":" minute), unquoted, as Graph's examples write it (activityDateTime ge 2026-11-01T00:00:00Z).</summary>
    private static bool IsDateTimeOffset(string token, out DateTimeOffset moment)
    {
        moment = default;
        var zoned = token.EndsWith('Z') || token.EndsWith('z') || (token.Length > 6 && token[^6] is '+' or '-' && token[^3] == ':');
        return token.Contains('T', StringComparison.OrdinalIgnoreCase) && zoned &&
            DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out moment);
    }

    private string Identifier()
    {
        var token = Next();
        return IsIdentifier(token) ? token : throw Error();
    }

    private static bool IsIdentifier(string token) =>
        token.Length > 0 && (char.IsLetter(token[0]) || token[0] == '_') && token.All(c => char.IsLetterOrDigit(c) || c is '_' or '/' or '.');

    private string? Peek() => _position < _tokens.Count ? _tokens[_position] : null;

    private bool PeekIs(string keyword) => string.Equals(Peek(), keyword, StringComparison.OrdinalIgnoreCase);

    private string Next() => _position < _tokens.Count ? _tokens[_position++] : throw Error();

    private void Expect(string token)
    {
        if (Next() != token)
            throw Error();
    }

    private GraphError Error() => new(400, "BadRequest", $"Invalid filter clause: syntax error at token {_position} in '{_text}'.");

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',' or ':')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '\'')
            {
                var sb = new StringBuilder("'");
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new GraphError(400, "BadRequest", $"Invalid filter clause: unterminated string literal in '{text}'.");
                    if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        sb.Append("''");
                        i += 2;
                    }
                    else if (text[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        sb.Append(text[i++]);
                    }
                }
                tokens.Add(sb.Append('\'').ToString());
            }
            else
            {
                var start = i;
                // A word that starts with a digit is a number, GUID or date-time literal; inside it ':' separates
                // hours, minutes and offset, not a lambda's variable from its predicate.
                var literal = char.IsDigit(c);
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or ',' or '\'') && (literal || text[i] != ':'))
                    i++;
                tokens.Add(text[start..i]);
            }
        }
        return tokens;
    }
}
