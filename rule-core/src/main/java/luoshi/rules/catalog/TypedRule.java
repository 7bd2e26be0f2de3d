package luoshi.rules.catalog;

import luoshi.rules.spi.RuleType;

/** A rule object as its type parsed it: the type and its parameters, which the engine hands back to the type. */
public record TypedRule<P>(RuleType<P> type, P parameters) {
}
