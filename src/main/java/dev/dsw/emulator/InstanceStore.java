package dev.dsw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The emulator's fleet: generated or loaded from a file, replaceable atomically so tests can change
 * it mid-listing.
 */
public final class InstanceStore {
  private volatile List<ObjectNode> instances;

  InstanceStore(List<ObjectNode> instances) {
    this.instances = List.copyOf(instances);
  }

  /** The fleet as it is now (an unmodifiable list). */
  public List<ObjectNode> snapshot() {
    return instances;
  }

  /**
   * Replaces the fleet with a changed copy (e.g. instances created or deleted while a client
   * pages).
   */
  public void update(UnaryOperator<List<ObjectNode>> change) {
    synchronized (this) {
      instances = List.copyOf(change.apply(new ArrayList<>(instances)));
    }
  }

  /**
   * Reads a data file: a JSON array of Instance objects, or an object with an "Instances" array (a
   * saved API response). Unknown fields are kept and served back unchanged.
   */
  static List<ObjectNode> load(Path file) throws IOException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      // the parser's own text quotes the file's contents: say where, not what
      throw new EmulatorConfig.Invalid(
          "--data "
              + file
              + ": not JSON"
              + Json.where(e)
              + "; expected a JSON array of instances or an object with an Instances array");
    } catch (IOException e) {
      throw new EmulatorConfig.Invalid("--data " + file + ": " + dev.dsw.model.Inert.unreadable(e));
    }
    JsonNode array = root != null && root.isObject() ? root.get("Instances") : root;
    if (array == null || !array.isArray()) {
      throw new EmulatorConfig.Invalid(
          "--data "
              + file
              + ": expected a JSON array of instances or an object with an Instances array");
    }
    List<ObjectNode> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : array) {
      if (!n.isObject() || !n.path("InstanceId").isTextual()) {
        throw new EmulatorConfig.Invalid(
            "--data " + file + ": item " + i + " is not an instance object with an InstanceId");
      }
      out.add((ObjectNode) n);
      i++;
    }
    return out;
  }
}
