package dev.salesmeter.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesmeter.core.text.Messages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

final class CommandRegistryTest {
  private static final CommandRegistry REGISTRY =
      new CommandRegistry(CommandRegistry.loggingCommands(null));

  @Test
  @DisplayName("each command declares its typed parameters once, for every platform")
  void typedParameters() {
    CommandSpec sale = REGISTRY.find("verkoop").orElseThrow();
    assertThat(sale.parameters())
        .extracting(Parameter::name, Parameter::type, Parameter::required)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("customer", Parameter.Type.CUSTOMER, true),
            org.assertj.core.groups.Tuple.tuple("amount", Parameter.Type.AMOUNT, true),
            org.assertj.core.groups.Tuple.tuple("rep", Parameter.Type.USER, false),
            org.assertj.core.groups.Tuple.tuple("date", Parameter.Type.DATE, false),
            org.assertj.core.groups.Tuple.tuple("margin", Parameter.Type.PERCENT, false),
            org.assertj.core.groups.Tuple.tuple("products", Parameter.Type.LIST, false),
            org.assertj.core.groups.Tuple.tuple("cross-sell", Parameter.Type.FLAG, false),
            org.assertj.core.groups.Tuple.tuple("new", Parameter.Type.FLAG, false));
    assertThat(REGISTRY.find("doel").orElseThrow().parameters())
        .extracting(Parameter::dutchName)
        .containsExactly("bedrag", "periode", "verkoper");
  }

  @Test
  @DisplayName("every command has a summary, usage and example in English and Dutch")
  void helpTexts() {
    for (Locale locale : Messages.SUPPORTED) {
      Messages messages = Messages.of(locale);
      for (CommandSpec spec : REGISTRY.all()) {
        for (String part : List.of("summary", "usage", "example")) {
          assertThat(messages.has(spec.helpKey(part))).as(spec.name() + " " + part).isTrue();
        }
        assertThat(messages.get(spec.helpKey("example"))).startsWith("/" + spec.nameIn(locale));
      }
    }
  }

  @Test
  @DisplayName("two commands may not share a name")
  void uniqueNames() {
    CommandSpec lead = REGISTRY.find("lead").orElseThrow();
    assertThatThrownBy(() -> new CommandRegistry(List.of(lead, lead)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
