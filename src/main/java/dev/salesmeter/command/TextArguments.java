package dev.salesmeter.command;

import dev.salesmeter.core.Money;
import dev.salesmeter.core.Period;
import dev.salesmeter.core.RepMention;
import dev.salesmeter.core.text.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the words after a command with the grammar of COMMANDS.md: options and the rep first, then
 * flags at the end, then the amount (the last word that reads as one), then the rest.
 */
public final class TextArguments {
  private static final Pattern OPTION =
      Pattern.compile("(\\p{L}+(?:-\\p{L}+)*):(.*)", Pattern.DOTALL);
  private static final Pattern SLACK_MENTION = Pattern.compile("<@([A-Z0-9]+)(?:\\|([^>]*))?>");
  private static final Pattern EVENT_NUMBER = Pattern.compile("#?(\\d{1,12})");

  /** The end of a name that could be the first digits of the amount: the 4 of "Acme 4 200". */
  private static final Pattern LEADING_DIGITS = Pattern.compile("[1-9]\\d{0,2}");

  /** An amount that could be a thousands group after those digits: 200, 200.50, 200,50. */
  private static final Pattern THOUSANDS_GROUP = Pattern.compile("\\d{3}(?:[.,]\\d{1,2})?");

  private final Locale locale;
  private final ZoneId zone;
  private final Instant now;
  private final Predicate<String> knownCustomer;

  /**
   * Arguments read as if the workspace had no customers yet: a name ending in a number is never
   * questioned (see {@link #TextArguments(Locale, ZoneId, Instant, Predicate)}).
   */
  public TextArguments(Locale locale, ZoneId zone, Instant now) {
    this(locale, zone, now, name -> false);
  }

  /**
   * @param locale the workspace's locale, which decides how {@code 4.200} reads
   * @param zone the workspace's time zone, for dates and periods
   * @param now the time of the request
   * @param knownCustomer whether a name is a customer the workspace knows, which decides whether
   *     {@code Acme 4 200} is a question (Acme known) or a new customer "Acme 4"
   */
  public TextArguments(Locale locale, ZoneId zone, Instant now, Predicate<String> knownCustomer) {
    this.locale = locale;
    this.zone = zone;
    this.now = now;
    this.knownCustomer = knownCustomer;
  }

  public CommandArguments parse(CommandSpec spec, String line) {
    List<Token> words = new ArrayList<>();
    Map<OptionKey, String> options = new EnumMap<>(OptionKey.class);
    Optional<RepMention> rep = Optional.empty();
    for (Token token : Tokenizer.tokenize(line)) {
      Optional<RepMention> mention = mention(token);
      Matcher option = OPTION.matcher(token.raw());
      if (mention.isPresent()) {
        if (!spec.takesRep()) {
          throw new InvalidInput("error.repNotTaken", spec.nameIn(locale));
        }
        if (rep.isPresent()) {
          throw new InvalidInput("error.repTwice");
        }
        rep = mention;
      } else if (!token.quoted() && token.raw().indexOf(':') > 0 && option.matches()) {
        readOption(spec, option.group(1), token, options, locale);
      } else {
        words.add(token);
      }
    }
    Set<Flag> flags = takeFlags(spec, words, locale);
    Optional<Money> amount = Optional.empty();
    Optional<Period> period = Optional.empty();
    Optional<String> text = Optional.empty();
    Optional<Long> eventNumber = Optional.empty();
    switch (spec.syntax()) {
      case CUSTOMER -> text = Optional.of(TextValues.name(join(words), Term.CUSTOMER));
      case CUSTOMER_AMOUNT -> {
        TypedAmount typed = takeAmount(words);
        amount = Optional.of(typed.money());
        text = Optional.of(TextValues.name(join(words), Term.CUSTOMER));
        if (!flags.contains(Flag.NEW)) {
          refuseSplitAmount(words, typed);
        }
      }
      case LABEL_AMOUNT -> {
        amount = Optional.of(takeAmount(words).money());
        text =
            words.isEmpty()
                ? Optional.empty()
                : Optional.of(TextValues.name(join(words), Term.LABEL));
      }
      case PERIOD_AMOUNT -> {
        var periodAndAmount = periodAndAmount(words);
        period = Optional.of(periodAndAmount.period());
        amount = Optional.of(periodAndAmount.amount());
      }
      case EVENT_NUMBER -> eventNumber = eventNumber(words);
      case EVENT_EDIT -> {
        eventNumber = eventNumber(words);
        if (eventNumber.isEmpty()) {
          throw new InvalidInput("error.editNumberMissing");
        }
        amount = option(options, OptionKey.AMOUNT).map(v -> AmountParser.parse(v, locale));
        text = option(options, OptionKey.CUSTOMER).map(v -> TextValues.name(v, Term.CUSTOMER));
        rep = option(options, OptionKey.REP).map(TextArguments::repValue);
        period =
            option(options, OptionKey.PERIOD)
                .map(
                    v ->
                        PeriodParser.parse(
                            TextValues.name(v, Term.PERIOD), LocalDate.ofInstant(now, zone)));
      }
      case COMMAND_NAME -> text = words.isEmpty() ? Optional.empty() : Optional.of(single(words));
      case RANKING, WEEK, SCHEDULE ->
          text =
              words.isEmpty()
                  ? Optional.empty()
                  : Optional.of(TextValues.name(join(words), Term.PERIOD));
      case DASHBOARD, API_TOKEN ->
          text =
              words.isEmpty()
                  ? Optional.empty()
                  : Optional.of(TextValues.name(join(words), Term.TEXT));
      case FIGURE_PERIOD -> {
        text =
            words.isEmpty()
                ? Optional.empty()
                : Optional.of(TextValues.name(words.get(0).value(), Term.FIGURE));
        period =
            words.size() < 2
                ? Optional.empty()
                : Optional.of(
                    PeriodParser.parse(
                        TextValues.name(join(words.subList(1, words.size())), Term.PERIOD),
                        LocalDate.ofInstant(now, zone)));
      }
    }
    return new CommandArguments(
        text,
        amount,
        period,
        rep,
        Optional.ofNullable(options.get(OptionKey.DATE)).map(v -> DateParser.parse(v, zone, now)),
        Optional.ofNullable(options.get(OptionKey.MARGIN)).map(TextValues::margin),
        Optional.ofNullable(options.get(OptionKey.SOURCE))
            .map(v -> TextValues.name(v, Term.SOURCE)),
        Optional.ofNullable(options.get(OptionKey.REASON))
            .map(v -> TextValues.name(v, Term.REASON)),
        Optional.ofNullable(options.get(OptionKey.PRODUCTS))
            .map(TextValues::products)
            .orElse(List.of()),
        flags,
        eventNumber,
        option(options, OptionKey.LABEL).map(v -> TextValues.name(v, Term.LABEL)),
        option(options, OptionKey.CROSS_SELL)
            .map(v -> TextValues.yesOrNo(v, OptionKey.CROSS_SELL.in(locale))),
        option(options, OptionKey.KIND)
            .map(v -> TextValues.followUpKind(v, OptionKey.KIND.in(locale))));
  }

  private static Optional<String> option(Map<OptionKey, String> options, OptionKey key) {
    return Optional.ofNullable(options.get(key));
  }

  /** A rep as {@code rep:} takes it: {@code @bram}, {@code bram}, or a Slack mention. */
  private static RepMention repValue(String value) {
    Matcher slack = SLACK_MENTION.matcher(value.strip());
    if (slack.matches()) {
      String name =
          slack.group(2) == null || slack.group(2).isBlank() ? slack.group(1) : slack.group(2);
      return new RepMention(Optional.of(slack.group(1)), name);
    }
    String name = value.strip();
    return RepMention.byName(
        TextValues.name(name.startsWith("@") ? name.substring(1) : name, Term.REP));
  }

  private static Optional<RepMention> mention(Token token) {
    // "@<@U1|anna>" is a Slack mention with an extra "@" in front: read the mention itself.
    String raw = token.raw().startsWith("@<@") ? token.raw().substring(1) : token.raw();
    Matcher slack = SLACK_MENTION.matcher(raw);
    if (raw.startsWith("<@") && !slack.matches()) {
      // Half a mention ("<@>", "<@U1|>") names nobody: never a rep called that.
      throw new InvalidInput("error.mentionInvalid", token.raw());
    }
    if (raw.startsWith("<@") && slack.matches()) {
      String name =
          slack.group(2) == null || slack.group(2).isBlank() ? slack.group(1) : slack.group(2);
      return Optional.of(new RepMention(Optional.of(slack.group(1)), name));
    }
    if (!token.quoted() && token.raw().startsWith("@")) {
      String name = token.value().substring(1);
      return Optional.of(RepMention.byName(TextValues.name(name, Term.REP)));
    }
    return Optional.empty();
  }

  private static void readOption(
      CommandSpec spec, String key, Token token, Map<OptionKey, String> options, Locale locale) {
    OptionKey option =
        OptionKey.fromKey(key)
            .filter(spec.options()::contains)
            .orElseThrow(
                () ->
                    new InvalidInput(
                        "error.unknownOption", key, spec.nameIn(locale), optionList(spec, locale)));
    String value = token.value().substring(token.value().indexOf(':') + 1);
    if (value.isBlank()) {
      throw new InvalidInput("error.optionEmpty", key);
    }
    if (options.put(option, value) != null) {
      throw new InvalidInput("error.optionTwice", key);
    }
  }

  private static Object optionList(CommandSpec spec, Locale locale) {
    boolean dutch = Messages.isDutch(locale);
    return spec.options().isEmpty()
        ? Messages.of(locale).get("error.noOptions")
        : new Listing(
            spec.options().stream()
                .sorted()
                .map(option -> (dutch ? option.dutch() : option.english()) + ":")
                .toList());
  }

  /** Flags are words at the end; a known flag word that this command does not take is an error. */
  private static Set<Flag> takeFlags(CommandSpec spec, List<Token> words, Locale locale) {
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    while (!words.isEmpty()) {
      Token last = words.get(words.size() - 1);
      Optional<Flag> flag = last.quoted() ? Optional.empty() : Flag.fromWord(last.value());
      if (flag.isEmpty()) {
        break;
      }
      if (!spec.flags().contains(flag.get())) {
        throw new InvalidInput("error.flagNotTaken", last.value(), spec.nameIn(locale));
      }
      flags.add(flag.get());
      words.remove(words.size() - 1);
    }
    return flags;
  }

  /** An amount and how it was typed (with a currency sign written apart before it). */
  private record TypedAmount(Money money, String word) {}

  /**
   * Rule 3's question: in {@code Acme 4 200}, where Acme is a known customer and "Acme 4" is not,
   * the user may have meant €4,200 for Acme (a space between thousands) or €200 for a new customer
   * "Acme 4". Neither is taken; the reply gives both, and {@code new} chooses the second.
   */
  private void refuseSplitAmount(List<Token> name, TypedAmount amount) {
    if (name.size() < 2) {
      return;
    }
    Token last = name.get(name.size() - 1);
    if (last.quoted()
        || !LEADING_DIGITS.matcher(last.value()).matches()
        || !THOUSANDS_GROUP.matcher(amount.word()).matches()) {
      return;
    }
    String joinedWord = last.value() + amount.word();
    Money joined;
    try {
      joined = AmountParser.parse(joinedWord, locale);
    } catch (InvalidInput notAnAmount) {
      return;
    }
    String whole = join(name);
    String shorter = join(name.subList(0, name.size() - 1));
    if (knownCustomer.test(whole) || !knownCustomer.test(shorter)) {
      return;
    }
    throw new InvalidInput(
        "error.amountOrNewCustomer", joined, shorter, amount.money(), whole, joinedWord);
  }

  /** Removes the amount (and a currency sign before it) from the words and returns it. */
  private TypedAmount takeAmount(List<Token> words) {
    int last = words.size() - 1;
    if (last >= 1
        && !words.get(last).quoted()
        && AmountParser.isCurrencySign(words.get(last).value())
        && AmountParser.looksLikeAmount(words.get(last - 1).value())) {
      words.remove(last); // "4200 €": the sign after the amount
    }
    if (!words.isEmpty()
        && !words.get(words.size() - 1).quoted()
        && AmountParser.attemptsAmount(words.get(words.size() - 1).value())) {
      throw new InvalidInput("error.notAnAmount", words.get(words.size() - 1).value());
    }
    int at = -1;
    for (int i = words.size() - 1; i >= 0; i--) {
      if (!words.get(i).quoted() && AmountParser.looksLikeAmount(words.get(i).value())) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      throw new InvalidInput("error.amountMissing");
    }
    if (at < words.size() - 1) {
      throw new InvalidInput("error.unexpectedAfterAmount", words.get(at + 1).value());
    }
    String word = words.get(at).value();
    Money amount = AmountParser.parse(word, locale);
    words.remove(at);
    if (at > 0
        && !words.get(at - 1).quoted()
        && AmountParser.isCurrencySign(words.get(at - 1).value())) {
      word = words.remove(at - 1).value() + " " + word; // "€ 200" begins where the sign stands
    }
    return new TypedAmount(amount, word);
  }

  private record PeriodAndAmount(Period period, Money amount) {}

  /**
   * The amount may come first ({@code 50k Q2 2026}) or last ({@code Q2 2026 50k}). When neither
   * reading works, the error of the amount-first reading is the helpful one if it applied.
   */
  private PeriodAndAmount periodAndAmount(List<Token> words) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    if (readsAsPeriod(words, today)) {
      throw new InvalidInput("error.amountMissing"); // "Q2 2026" alone: 2026 is the year
    }
    if (words.size() > 1
        && !words.get(0).quoted()
        && AmountParser.attemptsAmount(words.get(0).value())
        && readsAsPeriod(words.subList(1, words.size()), today)) {
      throw new InvalidInput("error.notAnAmount", words.get(0).value()); // "1e3 Q2 2026"
    }
    InvalidInput amountFirstError = null;
    if (words.size() > 1
        && !words.get(0).quoted()
        && AmountParser.looksLikeAmount(words.get(0).value())) {
      try {
        Period period = PeriodParser.parse(join(words.subList(1, words.size())), today);
        return new PeriodAndAmount(period, AmountParser.parse(words.get(0).value(), locale));
      } catch (InvalidInput e) {
        amountFirstError = e;
      }
    }
    try {
      Money amount = takeAmount(words).money();
      if (words.isEmpty()) {
        throw new InvalidInput("error.periodMissing");
      }
      return new PeriodAndAmount(PeriodParser.parse(join(words), today), amount);
    } catch (InvalidInput e) {
      throw amountFirstError != null ? amountFirstError : e;
    }
  }

  private static boolean readsAsPeriod(List<Token> words, LocalDate today) {
    try {
      PeriodParser.parse(join(words), today);
      return true;
    } catch (InvalidInput notAPeriod) {
      return false;
    }
  }

  private static Optional<Long> eventNumber(List<Token> words) {
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String word = single(words);
    Matcher matcher = EVENT_NUMBER.matcher(word);
    if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
      throw new InvalidInput("error.eventNumberInvalid", word);
    }
    return Optional.of(Long.parseLong(matcher.group(1)));
  }

  private static String single(List<Token> words) {
    if (words.size() > 1) {
      throw new InvalidInput("error.unexpectedWord", words.get(1).value());
    }
    return words.get(0).value();
  }

  private static String join(List<Token> words) {
    return String.join(" ", words.stream().map(Token::value).toList());
  }
}
