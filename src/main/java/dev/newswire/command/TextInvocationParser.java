package dev.newswire.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what a user typed after a text command ({@code /news latest llm 5}) against the {@link CommandSpec}s of
 * one group. Used by chat platforms without native options (Slack). Neutral: knows no chat library.
 *
 * <p>Grammar: {@code <path words> (value | name:value)*}. Positional values fill the options in spec order,
 * skipping those already given by name. Values may be quoted with {@code "..."}, {@code '...'} or the curly
 * quotes Slack clients substitute; {@code name:"two words"} works too. Usage and error messages are generated
 * from the specs, so they agree with every other platform.
 */
public final class TextInvocationParser {

  /** Outcome of {@link #parse}. */
  public sealed interface Result {}

  /** A command to run, with typed option values (String, Long, Boolean). */
  public record Parsed(CommandSpec spec, Map<String, Object> options) implements Result {
    public Parsed {
      options = Map.copyOf(options);
    }

    public String group() {
      return spec.group();
    }

    public String path() {
      return spec.path();
    }
  }

  /** Nothing to run: show this text to the caller (help, unknown subcommand, bad value). */
  public record Usage(String message) implements Result {}

  /** Groups of subcommands whose "add" may be left out when the next word is not a subcommand of the group. */
  private static final java.util.Set<String> ADD_BY_DEFAULT = java.util.Set.of("mention");

  private static final Pattern NAMED = Pattern.compile("([a-z][a-z0-9_-]*):(.*)", Pattern.DOTALL);

  private final List<CommandSpec> specs;

  public TextInvocationParser(List<CommandSpec> specs) {
    this.specs = List.copyOf(specs);
  }

  public Result parse(String group, String text) {
    List<CommandSpec> inGroup = specs.stream().filter(s -> s.group().equals(group)).toList();
    if (inGroup.isEmpty()) {
      return new Usage("No /" + group + " commands are available in this version.");
    }
    List<Token> tokens;
    try {
      tokens = tokenize(text == null ? "" : text);
    } catch (IllegalArgumentException e) {
      return new Usage(e.getMessage());
    }
    if (tokens.isEmpty() || tokens.get(0).is("help")) {
      return new Usage(list(group, inGroup, null));
    }
    CommandSpec spec = null;
    int used = 0;
    if (tokens.size() >= 2) {
      String two = tokens.get(0).lower() + " " + tokens.get(1).lower();
      spec = find(inGroup, two);
      used = 2;
    }
    if (spec == null) {
      spec = find(inGroup, tokens.get(0).lower());
      used = 1;
    }
    if (spec == null && tokens.size() >= 2 && ADD_BY_DEFAULT.contains(tokens.get(0).lower())) {
      // Issue #4 spells it "mention <topic> <@role>": the words after "mention" are the add's options.
      spec = find(inGroup, tokens.get(0).lower() + " add");
      used = 1;
    }
    if (spec == null) {
      String first = tokens.get(0).lower();
      List<CommandSpec> under = inGroup.stream().filter(s -> s.path().startsWith(first + " ")).toList();
      if (!under.isEmpty()) {
        String what = tokens.size() >= 2 ? "Unknown subcommand '" + first + " " + tokens.get(1).text + "'. "
            : "'" + first + "' needs a subcommand. ";
        return new Usage(what + list(group, under, first));
      }
      return new Usage("Unknown subcommand '" + tokens.get(0).text + "'. " + list(group, inGroup, null));
    }
    if (tokens.size() == used + 1 && tokens.get(used).is("help")) {
      return new Usage(usage(spec));
    }
    return bind(spec, tokens.subList(used, tokens.size()));
  }

  private Result bind(CommandSpec spec, List<Token> args) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<Token> positional = new ArrayList<>();
    for (Token t : args) {
      Matcher m = t.quotedStart ? null : NAMED.matcher(t.text);
      Optional<OptionSpec> named = m != null && m.matches() ? option(spec, m.group(1)) : Optional.empty();
      if (named.isPresent()) {
        OptionSpec o = named.get();
        if (values.containsKey(o.name())) {
          return new Usage("'" + o.name() + "' is given twice.\n" + usage(spec));
        }
        Object v;
        try {
          v = convert(o, m.group(2));
        } catch (IllegalArgumentException e) {
          return new Usage(e.getMessage() + "\n" + usage(spec));
        }
        values.put(o.name(), v);
      } else {
        positional.add(t);
      }
    }
    int next = 0;
    for (Token t : positional) {
      while (next < spec.options().size() && values.containsKey(spec.options().get(next).name())) {
        next++;
      }
      if (next >= spec.options().size()) {
        return new Usage("Unexpected '" + t.text + "' (put text with spaces in quotes).\n" + usage(spec));
      }
      OptionSpec o = spec.options().get(next++);
      try {
        values.put(o.name(), convert(o, t.text));
      } catch (IllegalArgumentException e) {
        return new Usage(e.getMessage() + "\n" + usage(spec));
      }
    }
    for (OptionSpec o : spec.options()) {
      if (o.required() && !values.containsKey(o.name())) {
        return new Usage("Missing <" + o.name() + ">: " + o.description() + "\n" + usage(spec));
      }
    }
    return new Parsed(spec, values);
  }

  private static Object convert(OptionSpec o, String raw) {
    String v = raw.strip();
    if (v.isEmpty()) {
      throw new IllegalArgumentException("'" + o.name() + "' is empty.");
    }
    Object value = switch (o.type()) {
      case INTEGER -> {
        try {
          yield Long.parseLong(v);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + o.name() + "' must be a whole number, not '" + v + "'.");
        }
      }
      case BOOLEAN -> switch (v.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on", "y" -> Boolean.TRUE;
        case "false", "no", "off", "n" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("'" + o.name() + "' must be true or false, not '" + v + "'.");
      };
      case STRING, MENTIONABLE -> v;
      case ATTACHMENT -> Attachment.link(v);
    };
    if (!o.choices().isEmpty()) {
      String s = value.toString();
      return o.choices().stream().filter(c -> c.equalsIgnoreCase(s)).findFirst()
          .map(c -> o.type() == OptionType.STRING ? (Object) c : value)
          .orElseThrow(() -> new IllegalArgumentException("'" + o.name() + "' must be one of: "
              + String.join(", ", o.choices()) + " (not '" + s + "')."));
    }
    return value;
  }

  /** "Usage: /news latest [topic] [count]" plus the description and one line per option. */
  public static String usage(CommandSpec spec) {
    StringBuilder sb = new StringBuilder("Usage: `").append(spec.usage()).append("` — ").append(spec.description());
    for (OptionSpec o : spec.options()) {
      sb.append("\n• ").append(o.name()).append(o.required() ? "" : " (optional)").append(": ").append(o.description());
      if (!o.choices().isEmpty()) {
        sb.append(" One of: ").append(String.join(", ", o.choices())).append('.');
      }
    }
    return sb.toString();
  }

  /** The subcommands of a group (or of one path prefix) with their usage. */
  public static String list(String group, List<CommandSpec> specs, String prefix) {
    StringBuilder sb = new StringBuilder("Commands")
        .append(prefix == null ? " for /" + group : " for /" + group + " " + prefix).append(':');
    for (CommandSpec s : specs) {
      sb.append("\n• `").append(s.usage()).append("` — ").append(s.description());
    }
    return sb.toString();
  }

  /** A one-line hint for a group, e.g. for a Slack manifest's usage_hint: "latest | search | subscribe ...". */
  public static String hint(List<CommandSpec> specsOfGroup) {
    List<String> firstWords = new ArrayList<>();
    for (CommandSpec s : specsOfGroup) {
      String first = s.path().split(" ")[0];
      if (!firstWords.contains(first)) {
        firstWords.add(first);
      }
    }
    firstWords.add("help");
    return String.join(" | ", firstWords);
  }

  private static CommandSpec find(List<CommandSpec> specs, String path) {
    return specs.stream().filter(s -> s.path().equalsIgnoreCase(path)).findFirst().orElse(null);
  }

  private static Optional<OptionSpec> option(CommandSpec spec, String name) {
    return spec.options().stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
  }

  private record Token(String text, boolean quotedStart) {
    boolean is(String word) {
      return !quotedStart && text.equalsIgnoreCase(word);
    }

    String lower() {
      return quotedStart ? "\u0000" : text.toLowerCase(Locale.ROOT);
    }
  }

  static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    StringBuilder cur = null;
    boolean quotedStart = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (cur != null) {
          out.add(new Token(cur.toString(), quotedStart));
          cur = null;
        }
        i++;
        continue;
      }
      if (cur == null) {
        cur = new StringBuilder();
        quotedStart = isQuote(c);
      }
      boolean opens = cur.length() == 0 || cur.charAt(cur.length() - 1) == ':';
      if (isQuote(c) && opens) {
        char close = closing(c);
        int end = i + 1;
        while (end < text.length() && text.charAt(end) != close && !(close == '"' && text.charAt(end) == '\u201D')) {
          end++;
        }
        if (end >= text.length()) {
          throw new IllegalArgumentException("A quote is not closed: " + text.substring(i) + "");
        }
        cur.append(text, i + 1, end);
        i = end + 1;
      } else {
        cur.append(c);
        i++;
      }
    }
    if (cur != null) {
      out.add(new Token(cur.toString(), quotedStart));
    }
    return out;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D' || c == '\'' || c == '\u2018';
  }

  private static char closing(char open) {
    return switch (open) {
      case '\u201C', '\u201D' -> '\u201D';
      case '\u2018' -> '\u2019';
      default -> open;
    };
  }
}
