package dev.dsw.output;

/**
 * Terminal text helpers: display width (CJK and emoji take two cells) and ellipsis cutting. What
 * the server's text may not do to a terminal is {@link dev.dsw.model.Inert}'s.
 */
public final class Text {
  private Text() {}

  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += cellWidth(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  static int cellWidth(int cp) {
    if (Character.getType(cp) == Character.NON_SPACING_MARK
        || Character.getType(cp) == Character.ENCLOSING_MARK
        || cp == 0x200B
        || cp == 0x200D) {
      return 0;
    }
    if ((cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F200 && cp <= 0x1F2FF) // enclosed ideographs
        || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs and emoticons
        || (cp >= 0x1F680 && cp <= 0x1F6FF) // transport and map symbols (🚀)
        || (cp >= 0x1F7E0 && cp <= 0x1F7EB) // coloured circles and squares
        || (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental symbols
        || (cp >= 0x1FA70 && cp <= 0x1FAFF) // symbols and pictographs extended-A
        || (cp >= 0x20000 && cp <= 0x3FFFD)) {
      return 2;
    }
    return 1;
  }

  /** Cuts s to at most {@code max} cells, ending in "…" when cut. */
  static String truncate(String s, int max) {
    if (width(s) <= max) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = cellWidth(cp);
      if (w + cw > max - 1) {
        break;
      }
      sb.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    return sb.append('…').toString();
  }

  static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }
}
