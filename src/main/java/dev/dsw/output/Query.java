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
    Expression<JsonNode> e;
    try {
      e = new JacksonRuntime().compile(expression);
    } catch (JmesPathException ex) {
      throw new SyntaxException("--query '" + expression + "': " + oneLine(ex.getMessage()));
    }
    return new Query("--query", input -> List.of(e.search(input)));
  }

  /** A jq filter (--jq); every value it outputs. */
  public static Query jq(String filter) {
    JsonQuery q;
    Scope scope = Scope.newEmptyScope();
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
    try {
      q = JsonQuery.compile(filter, Versions.JQ_1_6);
    } catch (JsonQueryException ex) {
      // the parser's own message says where: 'Encountered "<EOF>" at line 1, column 6.'
      String where =
          ex.getCause() == null
              ? ex.getMessage()
              : ex.getCause().getMessage().lines().findFirst().orElse("");
      throw new SyntaxException("--jq '" + filter + "': " + oneLine(where));
    }
    return new Query(
        "--jq",
        input -> {
          List<JsonNode> out = new ArrayList<>();
          try {
            q.apply(Scope.newChildScope(scope), input, out::add);
          } catch (JsonQueryException ex) {
            throw new SyntaxException("--jq '" + filter + "': " + oneLine(ex.getMessage()));
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
    return v.isTextual() ? Text.printable(v.textValue()) : JsonText.toString(v);
  }

  private static String oneLine(String s) {
    return s == null ? "invalid expression" : s.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
