package io.moviestatus.jobs;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Evaluates the small part of Terraform's expression language that {@code
 * spark_jar_task.parameters} use: string, number, {@code null} and list literals, references
 * ({@code var.x}, {@code local.y}) bound by the caller, {@code concat}, {@code tostring}, {@code
 * format}, {@code ==}/{@code !=} and the conditional {@code c ? a : b}. Strings may interpolate a
 * reference ({@code "${local.x}/y"}). Anything else fails with the text it could not read, so a new
 * construct in the HCL shows up as a test failure to extend this class, not as a silently different
 * command line.
 */
final class TerraformExpression {

  private final String text;
  private final Map<String, Object> bindings;
  private int pos;

  private TerraformExpression(String text, Map<String, Object> bindings) {
    this.text = requireNonNull(text, "text is null");
    this.bindings = requireNonNull(bindings, "bindings is null");
  }

  /** The list of strings {@code expression} evaluates to with {@code bindings} for references. */
  static List<String> evaluateList(String expression, Map<String, Object> bindings) {
    TerraformExpression parser = new TerraformExpression(expression, bindings);
    Object value = parser.expression();
    parser.skipSpace();
    if (parser.pos != expression.length()) {
      throw parser.error("unexpected text");
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("not a list: " + expression + " -> " + value);
    }
    List<String> strings = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw new IllegalArgumentException(
            "list item " + item + " of " + expression + " is not a string");
      }
      strings.add(s);
    }
    return strings;
  }

  private Object expression() {
    Object condition = comparison();
    skipSpace();
    if (peek('?')) {
      pos++;
      Object whenTrue = expression();
      expect(':');
      Object whenFalse = expression();
      if (!(condition instanceof Boolean b)) {
        throw error("condition is not a boolean: " + condition);
      }
      return b ? whenTrue : whenFalse;
    }
    return condition;
  }

  private Object comparison() {
    Object left = primary();
    skipSpace();
    if (text.startsWith("==", pos) || text.startsWith("!=", pos)) {
      boolean equal = text.startsWith("==", pos);
      pos += 2;
      Object right = primary();
      return equal == Objects.equals(normalize(left), normalize(right));
    }
    return left;
  }

  private static Object normalize(Object value) {
    return value instanceof Number n ? (Object) n.doubleValue() : value;
  }

  private Object primary() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("expression ends early");
    }
    char c = text.charAt(pos);
    if (c == '"') {
      return string();
    }
    if (c == '[') {
      pos++;
      List<Object> items = new ArrayList<>();
      skipSpace();
      while (!peek(']')) {
        items.add(expression());
        skipSpace();
        if (peek(',')) {
          pos++;
          skipSpace();
        } else if (!peek(']')) {
          throw error("expected ',' or ']'");
        }
      }
      pos++;
      return items;
    }
    if (c == '(') {
      pos++;
      Object value = expression();
      expect(')');
      return value;
    }
    if (Character.isDigit(c) || c == '-') {
      int start = pos++;
      while (pos < text.length()
          && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      String number = text.substring(start, pos);
      return number.contains(".") ? (Object) Double.parseDouble(number) : Long.parseLong(number);
    }
    if (Character.isLetter(c)) {
      String name = identifier();
      skipSpace();
      if (peek('(')) {
        pos++;
        List<Object> arguments = new ArrayList<>();
        skipSpace();
        while (!peek(')')) {
          arguments.add(expression());
          skipSpace();
          if (peek(',')) {
            pos++;
            skipSpace();
          } else if (!peek(')')) {
            throw error("expected ',' or ')'");
          }
        }
        pos++;
        return call(name, arguments);
      }
      return switch (name) {
        case "null" -> null;
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> reference(name);
      };
    }
    throw error("unexpected character '" + c + "'");
  }

  private Object call(String function, List<Object> arguments) {
    switch (function) {
      case "concat" -> {
        List<Object> all = new ArrayList<>();
        for (Object argument : arguments) {
          if (!(argument instanceof List<?> list)) {
            throw error("concat of a non-list: " + argument);
          }
          all.addAll(list);
        }
        return all;
      }
      case "tostring" -> {
        return text(single(function, arguments));
      }
      case "join" -> {
        if (arguments.size() != 2
            || !(arguments.get(0) instanceof String separator)
            || !(arguments.get(1) instanceof List<?> list)) {
          throw error("join(separator, list) expected, got " + arguments);
        }
        return list.stream().map(TerraformExpression::text).collect(Collectors.joining(separator));
      }
      case "format" -> {
        if (arguments.isEmpty() || !(arguments.get(0) instanceof String pattern)) {
          throw error("format without a pattern");
        }
        Object[] values = arguments.subList(1, arguments.size()).toArray();
        return String.format(pattern, values);
      }
      default -> throw error("function " + function + "() is not supported");
    }
  }

  /** A value as Terraform converts it to a string: a whole number without a fraction. */
  private static String text(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(value);
  }

  private Object single(String function, List<Object> arguments) {
    if (arguments.size() != 1) {
      throw error(function + "() takes one argument, got " + arguments.size());
    }
    return arguments.get(0);
  }

  private Object reference(String name) {
    if (!bindings.containsKey(name)) {
      throw error("no value bound for " + name + " (bound: " + bindings.keySet() + ")");
    }
    return bindings.get(name);
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos))
            || text.charAt(pos) == '_'
            || text.charAt(pos) == '-'
            || text.charAt(pos) == '.')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  /** A quoted string; {@code ${reference}} interpolated, {@code {{…}}} kept as written. */
  private String string() {
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != '"') {
      char c = text.charAt(pos);
      if (c == '\\' && pos + 1 < text.length()) {
        char next = text.charAt(pos + 1);
        out.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> next;
            });
        pos += 2;
      } else if (c == '$' && text.startsWith("${", pos)) {
        pos += 2;
        Object value = expression();
        expect('}');
        out.append(value);
      } else {
        out.append(c);
        pos++;
      }
    }
    if (pos >= text.length()) {
      throw error("unterminated string");
    }
    pos++; // closing quote
    return out.toString();
  }

  private void expect(char c) {
    skipSpace();
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException(
        message
            + " at offset "
            + pos
            + " of the Terraform expression: "
            + text
            + " (TerraformExpression reads a subset of HCL; extend it)");
  }
}
