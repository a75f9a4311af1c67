package dev.dsw.model;

import java.util.regex.Pattern;

/**
 * A regular-expression search with a budget. Java's engine backtracks, so a pattern such as {@code
 * (.*a){12}$} can take hours on a 200-character name, and {@code (a|a)*$} can overflow the stack.
 * The text is read through a view that counts every character the engine looks at; past the budget
 * the search stops with {@link TooCostly}, whatever the pattern.
 */
public final class BoundedMatch {
  /**
   * Characters the engine may read for one value: an ordinary pattern reads a few times the value's
   * length; this allows about a second of backtracking at the most.
   */
  public static final long STEPS = 5_000_000;

  /** The search gave up: the pattern backtracks too much on this text. */
  public static final class TooCostly extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooCostly() {
      super("the regular expression backtracks too much", null, false, false);
    }
  }

  private BoundedMatch() {}

  /** Whether the pattern is found in the text, within {@link #STEPS}. */
  public static boolean find(Pattern pattern, String text) {
    try {
      return pattern.matcher(new Counted(text, STEPS)).find();
    } catch (StackOverflowError e) {
      throw new TooCostly();
    }
  }

  /** The text as the engine reads it, one counted character at a time. */
  private static final class Counted implements CharSequence {
    private final String text;
    private final long[] left;

    Counted(String text, long budget) {
      this(text, new long[] {budget});
    }

    private Counted(String text, long[] left) {
      this.text = text;
      this.left = left;
    }

    @Override
    public char charAt(int index) {
      if (--left[0] < 0) {
        throw new TooCostly();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Counted(text.substring(start, end), left);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
