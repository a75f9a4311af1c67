package dev.dsw.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dsw.model.JsonText;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * --query (JMESPath, as the aws and aliyun CLIs take it) and --jq (jq, as gh takes it), applied to
 * the JSON form of the result: the array that -o json prints, with the API's field names and
 * secrets already masked. An expression is compiled before anything is sent; a syntax error is a
 * {@link SyntaxException} that names where it is.
 */
public final class Query {
  /** An expression that does not compile: a usage error. */
  public static final class SyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message) {
      super(message);
    }
  }

  private final String flag;
  private final Function<JsonNode, List<JsonNode>> apply;

  private Query(String flag, Function<JsonNode, List<JsonNode>> apply) {
    this.flag = flag;
    this.apply = apply;
  }

  /** A JMESPath expression (--query); its one result. */
  public static Query jmespath(String expression) {
    checkDepth("--query", expression);
    Expression<JsonNode> e;
    try {
      e = new JacksonRuntime().compile(expression);
    } catch (JmesPathException ex) {
      throw new SyntaxException("--query '" + expression + "': " + oneLine(ex.getMessage()));
    } catch (StackOverflowError ex) {
      throw tooDeep("--query");
    }
    return new Query(
        "--query",
        input -> {
          try {
            return List.of(e.search(input));
          } catch (StackOverflowError ex) {
            throw tooDeep("--query");
          }
        });
  }

  /**
   * The deepest nesting of brackets an expression may have. The parsers recurse once per level, so
   * a deeper one (5,000 levels) would overflow the stack instead of being refused.
   */
  static final int MAX_DEPTH = 200;

  private static void checkDepth(String flag, String expression) {
    int depth = 0;
    int max = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        max = Math.max(max, ++depth);
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
    }
    if (max > MAX_DEPTH) {
      throw tooDeep(flag);
    }
  }

  private static SyntaxException tooDeep(String flag) {
    return new SyntaxException(
        flag + ": the expression is nested more than " + MAX_DEPTH + " levels deep");
  }

  /** A jq filter (--jq); every value it outputs. */
  public static Query jq(String filter) {
    JsonQuery q;
    Scope scope = Scope.newEmptyScope();
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
    checkDepth("--jq", filter);
    try {
      q = JsonQuery.compile(filter, Versions.JQ_1_6);
    } catch (StackOverflowError ex) {
      throw tooDeep("--jq");
    } catch (JsonQueryException ex) {
      // the parser's own message says where: 'Encountered "<EOF>" at line 1, column 6.'
      String where =
          ex.getCause() == null
              ? ex.getMessage()
              : ex.getCause().getMessage().lines().findFirst().orElse("");
      throw new SyntaxException("--jq '" + filter + "': " + oneLine(where));
    }
    unknownNames(filter, scope)
        .ifPresent(
            n -> {
              throw new SyntaxException("--jq '" + filter + "': " + n + " does not exist");
            });
    try {
      // functions are looked up when the filter runs: run it once on an empty result now too
      q.apply(Scope.newChildScope(scope), JsonText.NODES.arrayNode(), v -> {});
    } catch (StackOverflowError ex) {
      throw tooDeep("--jq");
    } catch (JsonQueryException ex) {
      if (unknownName(ex)) {
        throw new SyntaxException("--jq '" + filter + "': " + oneLine(ex.getMessage()));
      }
      // another error on the empty result ("cannot index array"): the filter itself is fine
    }
    return jqQuery(filter, q, scope);
  }

  private static final java.util.regex.Pattern JQ_STRING =
      java.util.regex.Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final java.util.regex.Pattern JQ_NAME =
      java.util.regex.Pattern.compile("(?<![.$@\\w])([A-Za-z_][A-Za-z0-9_]*)");
  private static final java.util.regex.Pattern JQ_FORMAT =
      java.util.regex.Pattern.compile("@([A-Za-z0-9_]+)");
  private static final java.util.Set<String> JQ_KEYWORDS =
      java.util.Set.of(
          "def", "if", "then", "elif", "else", "end", "as", "reduce", "foreach", "try", "catch",
          "label", "import", "include", "and", "or", "not", "__loc__", "true", "false", "null");
  private static final java.util.Set<String> JQ_FORMATS =
      java.util.Set.of(
          "text", "json", "html", "uri", "csv", "tsv", "sh", "base64", "base64d", "base32",
          "base32d");

  /**
   * The first function or format the filter names that jq does not have, found in its text before
   * it runs (a function is looked up only when the filter reaches it, after the request was sent).
   * Names after '.', '$' or '@', object keys ({name: ...}), names a def introduces and the contents
   * of strings are not functions.
   */
  static java.util.Optional<String> unknownNames(String filter, Scope scope) {
    String code = JQ_STRING.matcher(filter).replaceAll("\"\"");
    java.util.regex.Matcher f = JQ_FORMAT.matcher(code);
    while (f.find()) {
      if (!JQ_FORMATS.contains(f.group(1))) {
        return java.util.Optional.of("format @" + f.group(1));
      }
    }
    java.util.Set<String> known = new java.util.HashSet<>();
    for (String key : scope.getLocalFunctions().keySet()) {
      known.add(key.replaceAll("/\\d+$", ""));
    }
    java.util.regex.Matcher defs =
        java.util.regex.Pattern.compile("\\bdef\\s+(\\w+)\\s*(\\(([^)]*)\\))?").matcher(code);
    while (defs.find()) {
      known.add(defs.group(1));
      if (defs.group(3) != null) {
        for (String param : defs.group(3).split(";")) {
          known.add(param.trim().replace("$", ""));
        }
      }
    }
    java.util.regex.Matcher m = JQ_NAME.matcher(code);
    while (m.find()) {
      String name = m.group(1);
      String after = code.substring(m.end()).stripLeading();
      String before = code.substring(0, m.start()).stripTrailing();
      boolean key = after.startsWith(":") || before.endsWith("{") || before.endsWith(",");
      if (!key && !JQ_KEYWORDS.contains(name) && !known.contains(name)) {
        return java.util.Optional.of("function " + name);
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether a jq error names a function or format that does not exist. */
  private static boolean unknownName(JsonQueryException ex) {
    String m = String.valueOf(ex.getMessage());
    return m.contains("does not exist")
        || m.contains("Unknown format")
        || m.contains("not defined");
  }

  private static Query jqQuery(String filter, JsonQuery q, Scope scope) {
    return new Query(
        "--jq",
        input -> {
          List<JsonNode> out = new ArrayList<>();
          try {
            q.apply(Scope.newChildScope(scope), input, out::add);
          } catch (JsonQueryException ex) {
            throw new SyntaxException("--jq '" + filter + "': " + oneLine(ex.getMessage()));
          } catch (StackOverflowError ex) {
            throw tooDeep("--jq");
          }
          return out;
        });
  }

  /** The values the expression gives for the result (one for JMESPath; any number for jq). */
  public List<JsonNode> apply(ArrayNode result) {
    return apply.apply(result);
  }

  /** The flag the expression came with. */
  public String flag() {
    return flag;
  }

  /**
   * Whether values print as plain lines: each a string, number, boolean or null, or a list of
   * those.
   */
  static boolean scalars(List<JsonNode> values) {
    for (JsonNode v : values) {
      if (v.isContainerNode() && !(v.isArray() && allScalar(v))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allScalar(JsonNode array) {
    for (JsonNode e : array) {
      if (e.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  /** A scalar as a plain line: a string without its quotes, anything else as JSON. */
  static String line(JsonNode v) {
    return v.isTextual() ? dev.dsw.model.Inert.printable(v.textValue()) : JsonText.toString(v);
  }

  private static String oneLine(String s) {
    return s == null ? "invalid expression" : s.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
