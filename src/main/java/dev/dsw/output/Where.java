package dev.dsw.output;

import dev.dsw.model.Instance;
import dev.dsw.model.Times;
import dev.dsw.output.Column.Kind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A client-side filter, {@code FIELD OP VALUE}: FIELD is a column name (STATUS, GPU, IDLE_FOR…) or
 * a field path of the response (RequestedResource.GPUType, Labels.team); OP is one of {@code = != <
 * <= > >= ~ !~} (~ is a regular-expression search). Values that read as numbers compare as numbers,
 * times (2024-01-12, ISO-8601, or an age such as 7d) as times, durations (90m, 2h, 3h20m) as
 * durations, anything else as text. Quotes around VALUE are removed.
 */
public final class Where implements Predicate<Instance> {
  /** Why an expression cannot be read; the message names the part at fault. */
  public static final class SyntaxException extends IllegalArgumentException {
    SyntaxException(String expression, String problem) {
      super("--where '" + expression + "': " + problem);
    }
  }

  enum Op {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    MATCH("~"),
    NOT_MATCH("!~");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }
  }

  public static final String OPERATORS = "= != < <= > >= ~ !~";

  private final String field;
  private final Op op;
  private final String value;
  private final Column column;
  private final Pattern regex;
  private final BigDecimal number;
  private final Instant time;
  private final Duration duration;

  /** Whether = and != compare GPU types as people say them (A10 is NVIDIA A10, not A100). */
  private final boolean gpuType;

  private Where(String expression, String field, Op op, String value, Column column, Clock clock) {
    this.field = field;
    this.gpuType = kind(column, op) == Kind.GPU_TYPE;
    this.op = op;
    this.value = value;
    this.column = column;
    if (op == Op.MATCH || op == Op.NOT_MATCH) {
      try {
        this.regex = Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new SyntaxException(
            expression,
            "bad regular expression '"
                + value
                + "': "
                + e.getDescription()
                + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
      }
    } else {
      this.regex = null;
    }
    this.number = exactNumber(value);
    this.time = number == null ? Times.instant(value, clock).orElse(null) : null;
    this.duration = number == null ? Times.duration(value).orElse(null) : null;
  }

  /** Reads one expression; throws {@link SyntaxException} pointing at the bad part. */
  public static Where parse(String expression, InstanceColumns columns, Clock clock) {
    int at = -1;
    for (int i = 0; i < expression.length(); i++) {
      if ("=!<>~".indexOf(expression.charAt(i)) >= 0) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      throw new SyntaxException(
          expression, "no operator; write FIELD OP VALUE with OP one of " + OPERATORS);
    }
    String field = expression.substring(0, at).trim();
    if (field.isEmpty()) {
      throw new SyntaxException(
          expression,
          "missing field before '"
              + expression.charAt(at)
              + "'; write FIELD OP VALUE, e.g. Status!=Running");
    }
    if (field.chars().anyMatch(Character::isWhitespace)
        || field.chars().anyMatch(Character::isISOControl)) {
      throw new SyntaxException(
          expression, "field '" + field + "' contains a space or control character");
    }
    OpAt read = operator(expression, field, at);
    Op op = read.op();
    int end = read.end();
    String symbol = read.symbol();
    String value = unquote(expression.substring(end).trim());
    int valueAt = end;
    while (valueAt < expression.length() && Character.isWhitespace(expression.charAt(valueAt))) {
      valueAt++;
    }
    Column column = columns.resolve(List.of(field)).get(0);
    Kind kind = kind(column, op);
    boolean bare = valueAt == expression.length(); // nothing after OP, not even ''
    if (bare && !(kind == Kind.TEXT && (op == Op.EQ || op == Op.NE))) {
      throw new SyntaxException(
          expression,
          "no value after '"
              + symbol
              + "' at character "
              + (valueAt + 1)
              + " ("
              + field
              + " holds "
              + kind.example
              + ")");
    }
    if (op != Op.MATCH && op != Op.NOT_MATCH) {
      checkType(expression, kind, field, value, valueAt + 1, clock);
    }
    return new Where(expression, field, op, value, column, clock);
  }

  /** The operator read at a position: which, where the value starts, and how it was written. */
  private record OpAt(Op op, int end, String symbol) {}

  /** Reads the operator at {@code at}: one or two of = ! < > ~; an unknown one is a usage error. */
  private static OpAt operator(String expression, String field, int at) {
    int end = at;
    while (end < expression.length()
        && "=!<>~".indexOf(expression.charAt(end)) >= 0
        && end - at < 2) {
      end++;
    }
    String symbol = expression.substring(at, end);
    Op op =
        switch (symbol) {
          case "=", "==" -> Op.EQ;
          case "!=" -> Op.NE;
          case "<" -> Op.LT;
          case "<=" -> Op.LE;
          case ">" -> Op.GT;
          case ">=" -> Op.GE;
          case "~" -> Op.MATCH;
          case "!~" -> Op.NOT_MATCH;
          default -> null;
        };
    if (op == null
        && symbol.length() == 2
        && "=<>".indexOf(symbol.charAt(0)) >= 0
        && "~!<>".indexOf(symbol.charAt(1)) < 0) {
      op =
          switch (symbol.charAt(0)) {
            case '=' -> Op.EQ;
            case '<' -> Op.LT;
            default -> Op.GT;
          };
      end = at + 1; // "<<x" and friends: the second character belongs to the value
    }
    if (op == null) {
      throw new SyntaxException(
          expression,
          "unknown operator '"
              + symbol
              + "' after '"
              + field
              + "' (use one of "
              + OPERATORS
              + (symbol.equals("=~")
                  ? "; ~ alone is the regular-expression match"
                  : symbol.equals("<>") ? "; != is not-equal" : "")
              + ")");
    }
    return new OpAt(op, end, symbol);
  }

  /**
   * What a field holds, as far as this operator is concerned: the column says (GPU cells such as
   * 2×A10 compare by their count with <, <=, > and >=, and as text with = and !=; a status and a
   * GPU type are read as such only by = and !=); a regular expression is always text.
   */
  static Kind kind(Column column, Op op) {
    if (op == Op.MATCH || op == Op.NOT_MATCH || column.kind() == null) {
      return Kind.TEXT;
    }
    boolean equality = op == Op.EQ || op == Op.NE;
    return switch (column.kind()) {
      case GPUS -> equality ? Kind.TEXT : Kind.NUMBER;
      case STATUS, GPU_TYPE -> equality ? column.kind() : Kind.TEXT;
      default -> column.kind();
    };
  }

  /**
   * A value of the wrong kind for its field is a usage error at its position (red team, issue #23:
   * `GPU>=abc`, `Status==` and `GmtCreateTime>notatime` were silently compared as text).
   */
  private static void checkType(
      String expression, Kind kind, String field, String value, int at, Clock clock) {
    boolean fits =
        switch (kind) {
          case NUMBER, GPUS -> exactNumber(value) != null;
          case QUANTITY -> dev.dsw.model.Memory.gigabytes(value).isPresent();
          case DURATION -> Times.duration(value).isPresent();
          case TIME -> Times.instant(value, clock).isPresent();
          case STATUS -> STATUSES.contains(value); // = compares exactly, as on the wire
          case GPU_TYPE, TEXT -> true;
        };
    if (!fits) {
      throw new SyntaxException(
          expression,
          "'"
              + value
              + "' at character "
              + at
              + " is not "
              + kind.example
              + ", which "
              + field
              + " holds"
              + (kind == Kind.STATUS ? suggestion(value) : ""));
    }
  }

  /** The statuses spelled as on the wire. */
  private static final List<String> STATUSES =
      java.util.Arrays.stream(dev.dsw.model.InstanceStatus.values()).map(Enum::name).toList();

  private static String suggestion(String value) {
    return dev.dsw.model.Spelling.nearest(value, STATUSES)
        .map(n -> "; did you mean " + n + "?")
        .orElse("");
  }

  @Override
  public boolean test(Instance instance) {
    String cell = column.valueOf(instance);
    if (gpuType && !value.isEmpty()) {
      // as --gpu-type reads it: A10, a10, "nvidia a10" are NVIDIA A10; A100 is every A100 variant
      boolean same = !dev.dsw.model.GpuTypes.matching(value, List.of(cell)).isEmpty();
      return op == Op.EQ ? same : !same;
    }
    return switch (op) {
      case MATCH -> matches(cell);
      case NOT_MATCH -> !matches(cell);
      case EQ -> compare(cell).map(c -> c == 0).orElse(cell.equals(value));
      case NE -> compare(cell).map(c -> c != 0).orElse(!cell.equals(value));
      case LT -> compare(cell).map(c -> c < 0).orElse(false);
      case LE -> compare(cell).map(c -> c <= 0).orElse(false);
      case GT -> compare(cell).map(c -> c > 0).orElse(false);
      case GE -> compare(cell).map(c -> c >= 0).orElse(false);
    };
  }

  /** The regex search, bounded: a pattern that backtracks without end is a usage error (exit 2). */
  private boolean matches(String cell) {
    try {
      return dev.dsw.model.BoundedMatch.find(regex, cell);
    } catch (dev.dsw.model.BoundedMatch.TooCostly e) {
      throw new SyntaxException(
          toString(),
          "the regular expression backtracks too much on a "
              + cell.length()
              + "-character value; simplify it (avoid nested repetition such as (.*a)* or (a|a)*)");
    }
  }

  /**
   * Compares the cell with the value when both read as the same kind (number, time, duration); for
   * ordering operators two texts compare as text; otherwise empty (no match for < and >).
   */
  private Optional<Integer> compare(String cell) {
    if (number != null) {
      BigDecimal n = Cells.leadingNumber(cell);
      return n == null ? Optional.empty() : Optional.of(n.compareTo(number));
    }
    if (time != null) {
      Optional<Instant> t = Times.absolute(cell);
      if (t.isPresent()) {
        return Optional.of(t.get().compareTo(time));
      }
    }
    if (duration != null) {
      Optional<Duration> d = Times.duration(cell);
      if (d.isPresent()) {
        return Optional.of(d.get().compareTo(duration));
      }
    }
    if (op == Op.EQ || op == Op.NE || cell.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(cell.compareTo(value));
  }

  /** The value as a number when it is one, e.g. 2, -1.5 (not 7d, not 2024-01-12). */
  private static BigDecimal exactNumber(String s) {
    Matcher m = Cells.NUMBER.matcher(s);
    return m.find() && m.end() == s.length() ? new BigDecimal(s) : null;
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.charAt(0) == '\'' || v.charAt(0) == '"')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  /** The top-level fields the expression reads (null when not known). */
  public java.util.Set<String> fields() {
    return column.fields();
  }

  @Override
  public String toString() {
    return field + op.symbol + value;
  }
}
