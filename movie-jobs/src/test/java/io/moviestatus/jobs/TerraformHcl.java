package io.moviestatus.jobs;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code terraform/*.tf} for the tests that hold the build to the Terraform: the contract
 * test ({@link TerraformContractIT}) and the cluster run ({@link SparkClusterIT}).
 *
 * <p>The files are read with hcl4j. hcl4j does not understand every HCL construct Terraform accepts
 * (for example interpolated object keys and {@code for} expressions with templates); when a file
 * does not parse as a whole, its top-level blocks are parsed one by one. The {@code spark_jar_task}
 * blocks are read from the raw text, since hcl4j cannot evaluate {@code concat(...)}: their main
 * class, literal flags and {@code parameters} expression ({@link TerraformExpression} evaluates
 * it).
 */
final class TerraformHcl {

  static final Pattern VAR_REFERENCE =
      Pattern.compile("(?<![\\w.])var\\.([A-Za-z_][A-Za-z0-9_-]*)");
  static final Pattern SPARK_JAR_TASK = Pattern.compile("\\bspark_jar_task\\s*\\{");
  private static final Pattern MAIN_CLASS =
      Pattern.compile("\\bmain_class_name\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern FLAG =
      Pattern.compile("\"(--[A-Za-z0-9][A-Za-z0-9-]*)(?:=[^\"]*)?\"");
  private static final Pattern PARAMETERS = Pattern.compile("\\bparameters\\s*=");

  private TerraformHcl() {}

  /** One .tf file: its text, what hcl4j made of it and the top-level blocks it could not parse. */
  record TfFile(Path path, String text, Map<String, Object> parsed, List<Block> unparsed) {
    String name() {
      return path.getFileName().toString();
    }

    int lineOf(int offset) {
      return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
  }

  /** A top-level block: its header line, text and start offset. */
  record Block(String header, String text, int offset, String error) {}

  /**
   * A spark_jar_task block as written: where, its main class, its literal "--flag" strings, the
   * text of its {@code parameters} expression (empty when it has none) and the block's code
   * (comments blanked).
   */
  record JarTask(
      String where, String mainClass, Set<String> flags, String parameters, String text) {}

  /**
   * A block at any depth of a file: its header (its line up to the opening brace), its text and its
   * text with strings blanked (both with comments blanked), the offsets of its braces in the file,
   * and the block it is written in (null at the top level). Interpolations and map literals are
   * blocks too (headers such as {@code spark_env_vars =}).
   */
  record Span(
      String file, String header, String text, String masked, int open, int close, Span parent) {

    /**
     * The block's own attributes (lines {@code name = value} directly inside its braces, not in a
     * nested block), each value up to the end of its line.
     */
    Map<String, String> attributes() {
      Map<String, String> attributes = new LinkedHashMap<>();
      String[] codeLines = text.split("\n", -1);
      String[] maskedLines = masked.split("\n", -1);
      int depth = 0;
      for (int line = 0; line < maskedLines.length; line++) {
        if (depth == 1) {
          Matcher m = ATTRIBUTE.matcher(codeLines[line]);
          if (m.matches()) {
            attributes.putIfAbsent(m.group(1), m.group(2));
          }
        }
        for (char c : maskedLines[line].toCharArray()) {
          depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
      }
      return attributes;
    }

    /** This block and the blocks it is written in, innermost first. */
    List<Span> selfAndAncestors() {
      List<Span> chain = new ArrayList<>();
      for (Span s = this; s != null; s = s.parent()) {
        chain.add(s);
      }
      return chain;
    }

    /** The blocks written directly in this one, among {@code all}. */
    List<Span> children(List<Span> all) {
      return all.stream().filter(s -> s.parent() == this).toList();
    }

    @Override
    public String toString() {
      return file + ":" + header;
    }
  }

  private static final Pattern ATTRIBUTE =
      Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*=\\s*(.*?)\\s*$");

  /** Every block of a file, outer before inner. */
  static List<Span> spans(TfFile file) {
    String masked = mask(file.text(), true);
    String code = mask(file.text(), false);
    Deque<Integer> opened = new ArrayDeque<>();
    Map<Integer, Integer> closeOf = new TreeMap<>();
    for (int i = 0; i < masked.length(); i++) {
      if (masked.charAt(i) == '{') {
        opened.push(i);
      } else if (masked.charAt(i) == '}' && !opened.isEmpty()) {
        closeOf.put(opened.pop(), i);
      }
    }
    List<Span> spans = new ArrayList<>();
    Deque<Span> enclosing = new ArrayDeque<>();
    for (Map.Entry<Integer, Integer> e : closeOf.entrySet()) {
      int open = e.getKey();
      int close = e.getValue();
      while (!enclosing.isEmpty() && enclosing.peek().close() < open) {
        enclosing.pop();
      }
      int lineStart = masked.lastIndexOf('\n', open) + 1;
      Span span =
          new Span(
              file.name(),
              code.substring(lineStart, open).strip(),
              code.substring(open, close + 1),
              masked.substring(open, close + 1),
              open,
              close,
              enclosing.peek());
      spans.add(span);
      enclosing.push(span);
    }
    return spans;
  }

  /** Every {@code *.tf} file of a folder, sorted by name, parsed. */
  static List<TfFile> readDirectory(Path dir) throws IOException {
    List<Path> paths;
    try (Stream<Path> list = Files.list(dir)) {
      paths = list.filter(p -> p.getFileName().toString().endsWith(".tf")).sorted().toList();
    }
    List<TfFile> parsed = new ArrayList<>();
    for (Path path : paths) {
      parsed.add(parse(path));
    }
    return parsed;
  }

  /** The declared variables: name → block attributes. */
  static Map<String, Object> variables(List<TfFile> files) {
    Map<String, Object> variables = new TreeMap<>();
    for (TfFile file : files) {
      Map<String, Object> declared = asMap(file.parsed().get("variable"));
      if (declared != null) {
        variables.putAll(declared);
      }
    }
    return variables;
  }

  /** Every spark_jar_task block in the raw text, with its main class, flags and parameters. */
  static List<JarTask> jarTasks(List<TfFile> files) {
    List<JarTask> tasks = new ArrayList<>();
    for (TfFile file : files) {
      String masked = mask(file.text(), true);
      String code = mask(file.text(), false);
      Matcher m = SPARK_JAR_TASK.matcher(masked);
      while (m.find()) {
        int end = matchingBrace(masked, m.end() - 1);
        String block = code.substring(m.start(), end + 1);
        Matcher main = MAIN_CLASS.matcher(block);
        String where = file.name() + ":" + file.lineOf(m.start());
        Set<String> flags = new LinkedHashSet<>();
        Matcher flag = FLAG.matcher(block);
        while (flag.find()) {
          flags.add(flag.group(1));
        }
        tasks.add(
            new JarTask(
                where,
                main.find() ? main.group(1) : "<no literal main_class_name>",
                flags,
                parametersExpression(masked.substring(m.start(), end + 1), block),
                block));
      }
    }
    return tasks;
  }

  /**
   * The text of {@code parameters = <expression>} in a block: from the {@code =} to the end of the
   * line where brackets and parentheses (outside strings) are balanced.
   */
  private static String parametersExpression(String masked, String code) {
    Matcher m = PARAMETERS.matcher(masked);
    if (!m.find()) {
      return "";
    }
    int depth = 0;
    int i = m.end();
    for (; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (c == '[' || c == '(' || c == '{') {
        depth++;
      } else if (c == ']' || c == ')' || c == '}') {
        if (depth == 0) {
          break; // the block's closing brace
        }
        depth--;
      } else if (c == '\n' && depth == 0 && !masked.substring(m.end(), i).isBlank()) {
        break;
      }
    }
    return code.substring(m.end(), i).strip();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  /** Parses a file with hcl4j, falling back to its top-level blocks one by one. */
  static TfFile parse(Path path) throws IOException {
    String text = Files.readString(path, StandardCharsets.UTF_8);
    try {
      return new TfFile(
          path, text, quietly(() -> new HCLParser().parse(path.toFile(), "UTF-8")), List.of());
    } catch (Exception whole) {
      Map<String, Object> merged = new LinkedHashMap<>();
      List<Block> unparsed = new ArrayList<>();
      for (Block block : topLevelBlocks(text)) {
        try {
          merge(merged, quietly(() -> new HCLParser().parse(block.text())));
        } catch (Exception e) {
          unparsed.add(new Block(block.header(), block.text(), block.offset(), oneLine(e)));
        }
      }
      return new TfFile(path, text, merged, unparsed);
    }
  }

  private interface Parse {
    Map<String, Object> run() throws Exception;
  }

  /** hcl4j prints its parser trace to System.out; keep the build log readable. */
  private static synchronized Map<String, Object> quietly(Parse parse) throws Exception {
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      return parse.run();
    } finally {
      System.setOut(out);
    }
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> from) {
    from.forEach(
        (key, value) -> {
          Object existing = into.get(key);
          if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
            merge((Map<String, Object>) a, (Map<String, Object>) b);
          } else {
            into.put(key, value);
          }
        });
  }

  private static String oneLine(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  /**
   * The top-level blocks of a file (its text between a line opening depth 1 and the brace closing
   * it).
   */
  static List<Block> topLevelBlocks(String text) {
    String masked = mask(text, true);
    List<Block> blocks = new ArrayList<>();
    int depth = 0;
    int start = -1;
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (c == '{') {
        if (depth == 0) {
          start = masked.lastIndexOf('\n', i) + 1;
        }
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0 && start >= 0) {
          String block = text.substring(start, i + 1);
          blocks.add(
              new Block(
                  block.lines().findFirst().orElse("").replaceAll("\\s*\\{.*$", "").strip(),
                  block,
                  start,
                  null));
          start = -1;
        }
      }
    }
    return blocks;
  }

  /** The index of the brace closing the one at {@code open} in masked text. */
  private static int matchingBrace(String masked, int open) {
    int depth = 0;
    for (int i = open; i < masked.length(); i++) {
      if (masked.charAt(i) == '{') {
        depth++;
      } else if (masked.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalStateException("unbalanced braces after offset " + open);
  }

  /**
   * The text with comments blanked (offsets and line breaks kept) and, when {@code blankStrings},
   * the literal parts of strings and heredocs blanked too, so that braces and keywords are only
   * seen in code. Template interpolations ({@code ${…}}, {@code %{…}}) stay code.
   */
  static String mask(String text, boolean blankStrings) {
    char[] out = text.toCharArray();
    Deque<int[]> frames = new ArrayDeque<>(); // {mode (0 code, 1 string), brace depth}
    frames.push(new int[] {0, 0});
    int i = 0;
    int n = text.length();
    while (i < n) {
      int[] frame = frames.peek();
      char c = text.charAt(i);
      char next = i + 1 < n ? text.charAt(i + 1) : '\0';
      if (frame[0] == 0) {
        if (c == '#' || (c == '/' && next == '/')) {
          while (i < n && text.charAt(i) != '\n') {
            out[i++] = ' ';
          }
        } else if (c == '/' && next == '*') {
          int end = text.indexOf("*/", i + 2);
          end = end < 0 ? n : end + 2;
          for (; i < end; i++) {
            if (out[i] != '\n') {
              out[i] = ' ';
            }
          }
        } else if (c == '<' && next == '<' && text.startsWith("<<", i)) {
          Matcher heredoc =
              Pattern.compile("<<-?([A-Za-z_][A-Za-z0-9_]*)[ \\t]*\\n").matcher(text).region(i, n);
          if (heredoc.lookingAt()) {
            Matcher close =
                Pattern.compile("(?m)^[ \\t]*" + heredoc.group(1) + "[ \\t]*$")
                    .matcher(text)
                    .region(heredoc.end(), n);
            boolean closed = close.find();
            int end = closed ? close.start() : n;
            if (blankStrings) {
              for (int j = heredoc.end(); j < end; j++) {
                if (out[j] != '\n') {
                  out[j] = ' ';
                }
              }
            }
            i = closed ? close.end() : n;
          } else {
            i += 2;
          }
        } else if (c == '"') {
          frames.push(new int[] {1, 0});
          i++;
        } else if (c == '{') {
          frame[1]++;
          i++;
        } else if (c == '}') {
          if (frame[1] == 0 && frames.size() > 1) {
            frames.pop(); // end of an interpolation: back in its string
          } else {
            frame[1]--;
          }
          i++;
        } else {
          i++;
        }
      } else {
        if (c == '\\' && i + 1 < n) {
          if (blankStrings) {
            out[i] = ' ';
            out[i + 1] = ' ';
          }
          i += 2;
        } else if (c == '"') {
          frames.pop();
          i++;
        } else if ((c == '$' || c == '%') && next == c && i + 2 < n && text.charAt(i + 2) == '{') {
          if (blankStrings) { // $${ and %%{ are literal
            out[i] = ' ';
            out[i + 1] = ' ';
            out[i + 2] = ' ';
          }
          i += 3;
        } else if ((c == '$' || c == '%') && next == '{') {
          frames.push(new int[] {0, 0});
          i += 2;
        } else {
          if (blankStrings && c != '\n') {
            out[i] = ' ';
          }
          i++;
        }
      }
    }
    return new String(out);
  }
}
