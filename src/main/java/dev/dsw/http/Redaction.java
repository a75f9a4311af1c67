package dev.dsw.http;

import dev.dsw.auth.Credentials;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How secrets look in --debug and --dry-run: signatures and tokens as ***, AccessKey IDs masked.
 */
final class Redaction {
  private static final Pattern AUTH =
      Pattern.compile("Credential=([^,]*),(.*)Signature=[0-9a-fA-F]*");

  private Redaction() {}

  static String header(String name, String value) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("authorization")) {
      Matcher m = AUTH.matcher(value);
      return m.find()
          ? value.substring(0, m.start())
              + "Credential="
              + Credentials.mask(m.group(1))
              + ","
              + m.group(2)
              + "Signature=***"
          : "***";
    }
    if (n.equals("x-acs-security-token")
        || n.equals("x-acs-bearer-token")
        || n.contains("secret")
        || n.equals("cookie")
        || n.equals("proxy-authorization")) {
      return "***";
    }
    if (n.equals("x-acs-accesskey-id")) {
      return Credentials.mask(value);
    }
    return value;
  }
}
