package dev.salesmeter.store;

import dev.salesmeter.core.Period;
import dev.salesmeter.core.RepMention;
import java.util.Optional;

/** For which period a revenue target holds, and for one rep or (empty) the whole team. */
public record TargetScope(Period period, Optional<RepMention> rep) {}
