package dev.dsw.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's saved views: {@code $XDG_CONFIG_HOME/dsw/views} (else {@code ~/.config/dsw/views}),
 * one view a line, {@code NAME = FLAGS}, the flags written as on a command line: words split at
 * spaces, 'single' and "double" quotes group, a backslash escapes the next character, nothing is
 * expanded. Blank lines and lines starting with # are skipped.
 *
 * <pre>
 * # big GPU notebooks, biggest first
 * big-gpus = --status Running --min-gpu 4 --sort-column GPU:desc
 * nlp      = --label team=nlp --where 'InstanceName~^train' -o wide
 * </pre>
 */
public final class ViewFile {
  /** One view: its name, its flags, and where it was written ("built-in" or FILE:LINE). */
  public record View(String name, List<String> args, String source) {}

  /** A line that is not a view: the message names the file and the line. */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

  private ViewFile() {}

  /** Where the views are: $XDG_CONFIG_HOME/dsw/views, else ~/.config/dsw/views. */
  public static Path path(Map<String, String> env, Path home) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : home.resolve(".config");
    return base.resolve("dsw").resolve("views");
  }

  /** The views of the file, in its order; none when it does not exist. */
  public static Map<String, View> read(Path file) {
    List<String> lines;
    try {
      if (Files.size(file) > 1 << 20) {
        throw new Invalid(file + ": larger than 1 MiB; a views file is a few lines");
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new Invalid(file + ": " + dev.dsw.model.Inert.unreadable(e));
    }
    Map<String, View> views = new LinkedHashMap<>();
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1).strip();
      String where = file + ":" + n;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String name = eq < 0 ? "" : line.substring(0, eq).strip();
      if (!name.matches(NAME)) {
        throw new Invalid(
            where + ": expected NAME = FLAGS (a name of letters, digits, '.', '_' or '-')");
      }
      if (views.containsKey(name)) {
        throw new Invalid(where + ": view " + name + " is defined twice");
      }
      views.put(name, new View(name, split(line.substring(eq + 1), where), where));
    }
    return views;
  }

  /** Splits flags as a shell would split words, without expanding anything. */
  static List<String> split(String text, String where) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t') {
        throw new Invalid(where + ": a control character in the flags");
      }
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (c == ' ' || c == '\t') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new Invalid(where + ": a " + quote + " quote is not closed");
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (words.isEmpty()) {
      throw new Invalid(where + ": the view has no flags");
    }
    return words;
  }
}
