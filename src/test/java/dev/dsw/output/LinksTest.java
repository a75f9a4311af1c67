package dev.dsw.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Instance;
import dev.dsw.model.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Console URLs are OSC-8 hyperlinks at a terminal with colour on (get, -o wide), plain otherwise.
 */
class LinksTest {
  static final String LAB = "https://dsw-gateway-cn-hangzhou.data.aliyun.com/dsw-l1/lab";

  static List<Instance> one() throws Exception {
    ObjectNode raw =
        (ObjectNode)
            Json.MAPPER.readTree(
                "{\"InstanceId\":\"dsw-l1\",\"InstanceName\":\"linked\","
                    + "\"Status\":\"Running\",\"JupyterlabUrl\":\""
                    + LAB
                    + "\",\"WebIDEUrl\":\""
                    + LAB.replace("lab", "ide")
                    + "\",\"TerminalUrl\":\""
                    + LAB.replace("lab", "terminal\\u001b[2J")
                    + "\"}");
    return List.of(new Instance(raw));
  }

  static String link(String url, String text) {
    return "\u001b]8;;" + url + "\u001b\\" + text + "\u001b]8;;\u001b\\";
  }

  @Test
  void getShowsUrlsAsHyperlinksAtAColourTerminalAndPlainOtherwise() throws Exception {
    String tty =
        FormatterGoldenTest.render(Format.detail, null, true, 120, true, true, false, one());
    assertThat(tty).contains(link(LAB, LAB));
    assertThat(tty)
        .doesNotContain("\u001b[2J"); // a control character in a URL never reaches the terminal
    String piped =
        FormatterGoldenTest.render(Format.detail, null, true, 0, false, false, false, one());
    assertThat(piped).contains(LAB).doesNotContain("\u001b");
    String noColour =
        FormatterGoldenTest.render(Format.detail, null, true, 120, false, true, false, one());
    assertThat(noColour).contains(LAB).doesNotContain("\u001b]8");
  }

  @Test
  void wideLinksEachIdToItsJupyterLabAtAColourTerminal() throws Exception {
    String wide =
        FormatterGoldenTest.render(Format.wide, null, true, 120, true, true, false, one());
    assertThat(wide).contains(link(LAB, "dsw-l1"));
    String table =
        FormatterGoldenTest.render(Format.table, null, true, 120, true, true, false, one());
    assertThat(table).doesNotContain("\u001b]8");
    String piped =
        FormatterGoldenTest.render(Format.wide, null, true, 0, false, false, false, one());
    assertThat(piped).doesNotContain("\u001b");
  }
}
