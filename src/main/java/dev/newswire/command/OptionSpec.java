package dev.newswire.command;

import java.util.List;

/**
 * One option of a command.
 *
 * @param choices      fixed values offered to the user (empty: free input)
 * @param autocomplete true when the value should be completed from live data (topics, feeds)
 */
public record OptionSpec(String name, String description, OptionType type, boolean required, List<String> choices,
    boolean autocomplete) {
  public OptionSpec {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public static OptionSpec required(String name, OptionType type, String description) {
    return new OptionSpec(name, description, type, true, List.of(), false);
  }

  public static OptionSpec optional(String name, OptionType type, String description) {
    return new OptionSpec(name, description, type, false, List.of(), false);
  }

  public OptionSpec withChoices(List<String> values) {
    return new OptionSpec(name, description, type, required, values, autocomplete);
  }

  public OptionSpec withAutocomplete() {
    return new OptionSpec(name, description, type, required, choices, true);
  }
}
