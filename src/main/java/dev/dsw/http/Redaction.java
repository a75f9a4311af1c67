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
    if (n.contains("token")
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

  /**
   * A URL as --debug shows it: query parameters that carry a credential (an RPC call's AccessKeyId,
   * SecurityToken and Signature) redacted like the headers that carry them in a V3 call.
   */
  static String url(okhttp3.HttpUrl url) {
    if (url.querySize() == 0) {
      return url.toString();
    }
    okhttp3.HttpUrl.Builder b = url.newBuilder().query(null);
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      String n = name.toLowerCase(Locale.ROOT);
      if (value != null && n.equals("accesskeyid")) {
        value = Credentials.mask(value);
      } else if (value != null
          && (n.contains("token")
              || n.equals("signature")
              || n.contains("secret")
              || n.contains("password"))) {
        value = "***";
      }
      b.addQueryParameter(name, value);
    }
    return b.build().toString();
  }
}
