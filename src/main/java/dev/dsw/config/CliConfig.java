package dev.dsw.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.model.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The aliyun CLI's ~/.aliyun/config.json: its profiles and its current profile (credentials.md §2).
 */
public record CliConfig(Path file, String current, List<Profile> profiles) {

  public static Path defaultPath(Path home) {
    return home.resolve(".aliyun").resolve("config.json");
  }

  /** Reads the file; empty when it does not exist; ConfigException when it is not valid JSON. */
  public static Optional<CliConfig> read(Path file) {
    Optional<byte[]> bytes = ConfigFiles.read(file);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(bytes.get());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
      throw new ConfigException(
          file
              + " is not valid JSON"
              + (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                  ? " (nested too deeply, or a value too large)"
                  : at == null
                      ? ""
                      : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": an I/O error");
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(file + " is not a JSON object");
    }
    List<Profile> profiles = new ArrayList<>();
    JsonNode list = root.path("profiles");
    if (list.isArray()) {
      for (JsonNode p : list) {
        if (p.isObject()) {
          profiles.add(Profile.fromJson(p));
        }
      }
    }
    String current = root.path("current").asText("");
    return Optional.of(
        new CliConfig(file, current.isEmpty() ? "default" : current, List.copyOf(profiles)));
  }

  /**
   * The name of the profile in force: the explicit one (--profile), else the environment's, else
   * current.
   */
  public String selectedName(String explicit, String fromEnvironment) {
    return explicit != null ? explicit : fromEnvironment != null ? fromEnvironment : current;
  }

  public Optional<Profile> selected(String explicit, String fromEnvironment) {
    return profile(selectedName(explicit, fromEnvironment));
  }

  public Optional<Profile> profile(String name) {
    return profiles.stream().filter(p -> name.equals(p.name())).findFirst();
  }

  public List<String> profileNames() {
    return profiles.stream().map(Profile::name).filter(n -> n != null).toList();
  }
}
