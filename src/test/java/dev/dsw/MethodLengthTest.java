package dev.dsw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Methods a reader can hold (issue #32): no method or constructor of the main code is longer than
 * 80 lines, from its signature to its closing brace. The source is read with comments and string
 * literals blanked out, and each body is measured by matching braces.
 */
class MethodLengthTest {
  static final int MOST = 80;

  private static final Pattern DECLARATION =
      Pattern.compile(
          "^\\s*(?:@\\w+\\s+)*(?:(?:public|private|protected|static|final|synchronized|default|"
              + "abstract)\\s+)*(?:<[^>]+>\\s+)?(?:[\\w.<>\\[\\], ?]+\\s+)?(\\w+)\\s*\\([^;{]*\\)"
              + "\\s*(?:throws [\\w., ]+)?\\s*\\{\\s*$");

  private static final Pattern NOT_A_METHOD =
      Pattern.compile(
          "\\b(class|record|interface|enum|new|if|for|while|switch|try|catch|else|do|return)\\b");

  @Test
  void noMethodIsLongerThan80Lines() throws IOException {
    List<String> long_ = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        long_.addAll(longMethods(f));
      }
    }
    assertThat(long_).as("methods over %d lines", MOST).isEmpty();
  }

  @Test
  void theScannerFindsALongMethod() {
    String body = "    x();\n".repeat(MOST);
    String src = "class A {\n  void m(int a) {\n" + body + "  }\n  void n() {}\n}\n";
    assertThat(longMethods("A.java", src)).containsExactly("A.java:2 m (" + (MOST + 2) + " lines)");
    assertThat(longMethods("A.java", src.replace(body, "    x();\n"))).isEmpty();
  }

  private static List<String> longMethods(Path f) throws IOException {
    return longMethods(f.toString(), Files.readString(f));
  }

  static List<String> longMethods(String name, String source) {
    String[] lines = blank(source).split("\n", -1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].strip().endsWith("{")) {
        continue;
      }
      int k = i;
      StringBuilder text = new StringBuilder(lines[i]);
      while (k > 0) {
        String prev = lines[k - 1].strip();
        if (prev.isEmpty() || prev.endsWith(";") || prev.endsWith("}") || prev.endsWith("{")) {
          break;
        }
        if (prev.startsWith("@")) {
          break;
        }
        k--;
        text.insert(0, lines[k] + " ");
      }
      String signature = text.toString().replaceAll("\\s+", " ");
      String head = signature.split("\\(", 2)[0];
      var m = DECLARATION.matcher(signature);
      if (!m.matches() || NOT_A_METHOD.matcher(head).find() || head.contains("=")) {
        continue;
      }
      int depth = 0;
      for (int j = i; j < lines.length; j++) {
        depth += count(lines[j], '{') - count(lines[j], '}');
        if (depth == 0) {
          int length = j - k + 1;
          if (length > MOST) {
            out.add(name + ":" + (k + 1) + " " + m.group(1) + " (" + length + " lines)");
          }
          break;
        }
      }
    }
    return out;
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }

  /** The source with comments and string and char literals emptied, line breaks kept. */
  static String blank(String src) {
    StringBuilder out = new StringBuilder(src.length());
    int i = 0;
    while (i < src.length()) {
      if (src.startsWith("//", i)) {
        int j = src.indexOf('\n', i);
        i = j < 0 ? src.length() : j;
      } else if (src.startsWith("/*", i)) {
        int j = src.indexOf("*/", i + 2);
        out.append("\n".repeat((int) src.substring(i, j).chars().filter(c -> c == '\n').count()));
        i = j + 2;
      } else if (src.startsWith("\"\"\"", i)) {
        int j = src.indexOf("\"\"\"", i + 3);
        out.append("\"\"")
            .append("\n".repeat((int) src.substring(i, j).chars().filter(c -> c == '\n').count()));
        i = j + 3;
      } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
        char q = src.charAt(i);
        int j = i + 1;
        while (j < src.length() && src.charAt(j) != q) {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        out.append(q).append(q);
        i = j + 1;
      } else {
        out.append(src.charAt(i++));
      }
    }
    return out.toString();
  }
}
