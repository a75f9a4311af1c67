package dev.dsw.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared credentials INI file (~/.alibabacloud/credentials), parsed like credentials-java
 * 1.0.3: [section] headers, key = value, # and ; comments (whole line, or after whitespace),
 * TAB-led continuation lines, a later duplicate key wins.
 */
public record IniFile(Path file, Map<String, Map<String, String>> sections) {

  public static Optional<IniFile> read(Path file) {
    return ConfigFiles.read(file)
        .map(
            bytes ->
                new IniFile(
                    file, parse(new String(bytes, StandardCharsets.UTF_8).lines().toList())));
  }

  static Map<String, Map<String, String>> parse(List<String> lines) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> section = null;
    String lastKey = null;
    for (String raw : lines) {
      if (raw.startsWith("\t") && section != null && lastKey != null) {
        section.put(lastKey, section.get(lastKey) + stripComment(raw).strip());
        continue;
      }
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section =
            sections.computeIfAbsent(
                line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
        lastKey = null;
        continue;
      }
      int eq = line.indexOf('=');
      if (eq > 0 && section != null) {
        lastKey = line.substring(0, eq).strip();
        section.put(lastKey, stripComment(line.substring(eq + 1)).strip());
      }
    }
    return sections;
  }

  private static String stripComment(String value) {
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c == '#' || c == ';') && Character.isWhitespace(value.charAt(i - 1))) {
        return value.substring(0, i);
      }
    }
    return value;
  }
}
