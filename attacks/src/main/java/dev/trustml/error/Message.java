package dev.trustml.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A one-line message whose parts may refer to {@link Setting}s. {@link #toString()} gives the
 * library's wording; {@link #render} lets a caller name the settings its own way (the CLI: by its
 * options). Messages nest, so a message that wraps another keeps the inner one's references.
 */
public final class Message {
  /**
   * A reference to a setting and the library's words for it at this place in the sentence.
   *
   * @param setting the setting referred to
   * @param words how the library says it here, e.g. {@code "the FPR"}
   */
  public record Ref(Setting setting, String words) {
    public Ref {
      Objects.requireNonNull(setting, "setting");
      Objects.requireNonNull(words, "words");
    }
  }

  private final List<Object> parts;

  private Message(List<Object> parts) {
    this.parts = parts;
  }

  /**
   * A message of {@code parts}, in order: {@link Ref}s (see {@link #ref}), nested {@link Message}s
   * and anything else, which is written with {@link String#valueOf}.
   */
  public static Message of(Object... parts) {
    List<Object> list = new ArrayList<>(parts.length);
    for (Object p : parts) {
      list.add(p instanceof Ref || p instanceof Message ? p : String.valueOf(p));
    }
    return new Message(List.copyOf(list));
  }

  /** A reference to {@code setting}, worded {@code words} by the library. */
  public static Ref ref(Setting setting, String words) {
    return new Ref(setting, words);
  }

  /**
   * The message with each setting named by {@code names}; where {@code names} gives null, the
   * library's words stay.
   */
  public String render(Function<Setting, String> names) {
    StringBuilder b = new StringBuilder();
    for (Object p : parts) {
      if (p instanceof Ref r) {
        String name = names.apply(r.setting());
        b.append(name != null ? name : r.words());
      } else if (p instanceof Message m) {
        b.append(m.render(names));
      } else {
        b.append((String) p);
      }
    }
    return b.toString();
  }

  /** The settings this message refers to, nested messages included. */
  public List<Setting> settings() {
    List<Setting> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Ref r) {
        out.add(r.setting());
      } else if (p instanceof Message m) {
        out.addAll(m.settings());
      }
    }
    return out;
  }

  /** The library's wording. */
  @Override
  public String toString() {
    return render(s -> null);
  }
}
