package luoshi.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import luoshi.api.common.Problem;
import luoshi.api.common.Violation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Problem details in the caller's language (API.md, Conventions: with {@code Accept-Language: zh-CN}, {@code title} and
 * {@code detail} are in Chinese; English is the default). The one place a problem is translated, on its way out of
 * every service and the gateway: a JAX-RS response filter for every answer whose body is a {@link Problem} (whatever
 * built it: {@link ProblemMappers}, the role check, the body limits, idempotency), and {@link UnhandledFailures} for
 * what fails below JAX-RS. The texts are message bundles ({@code luoshi/platform/problems.properties} and
 * {@code problems_zh_CN.properties}, key for key): the title by status; the detail, and each violation's message, by
 * the English pattern it matches, its arguments (a field, a region code, a number) carried into the Chinese pattern.
 * A detail that matches no pattern keeps its English after the Chinese title.
 */
public class ProblemLanguage {

    static final String BUNDLE = "luoshi.platform.problems";
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
    private static final ResourceBundle CHINESE = ResourceBundle.getBundle(BUNDLE, Locale.SIMPLIFIED_CHINESE);
    /** The keys whose English patterns a detail is matched against, the most specific first. */
    private static final List<String> DETAILS = keys("detail.");
    private static final List<String> MESSAGES = keys("message.");

    /** Every answer with a problem body, in the language the request asks for. */
    @ServerResponseFilter
    public void translate(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem) {
            Problem translated = in(problem, request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            if (translated != problem) {
                response.setEntity(translated);
            }
        }
    }

    /** {@code problem} in the language {@code acceptLanguage} prefers: Chinese for zh, else as it is (English). */
    public static Problem in(Problem problem, String acceptLanguage) {
        return prefersChinese(acceptLanguage) ? chinese(problem) : problem;
    }

    /** Whether the first language of the header (by weight) that Luoshi speaks is Chinese. */
    static boolean prefersChinese(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() > 0 && (tag.equals("zh") || tag.startsWith("zh-"))) {
                    return true;
                }
                if (range.getWeight() > 0 && (tag.equals("en") || tag.startsWith("en-") || tag.equals("*"))) {
                    return false;
                }
            }
        } catch (IllegalArgumentException e) {
            return false;   // a malformed header asks for nothing: the default
        }
        return false;
    }

    static Problem chinese(Problem p) {
        String title = text(CHINESE, "title." + p.status()).orElse(p.title());
        List<Violation> violations = p.violations() == null ? null : p.violations().stream()
                .map(v -> new Violation(v.field(), message(v.message()), v.cell())).toList();
        return new Problem(p.type(), title, p.status(), detail(p, title), p.instance(), violations, p.etag());
    }

    /** The Chinese detail: of a validation problem from its violations, else by the pattern it matches. */
    private static String detail(Problem p, String title) {
        String detail = p.detail();
        if (detail == null) {
            return null;
        }
        List<Violation> violations = p.violations() == null ? List.of() : p.violations();
        if (violations.size() == 1 && detail.equals(violations.get(0).field() + ": " + violations.get(0).message())) {
            return format("detail.field", violations.get(0).field(), message(violations.get(0).message()));
        }
        for (String key : DETAILS) {
            if (key.equals("detail.field") || key.equals("detail.other")) {
                continue;
            }
            Object[] args = match(key, detail);
            if (args != null) {
                return format(key, args);
            }
        }
        return format("detail.other", title, detail);
    }

    /** A violation's message in Chinese, when it matches a known pattern; else as it is. */
    private static String message(String message) {
        if (message == null) {
            return null;
        }
        for (String key : MESSAGES) {
            Object[] args = match(key, message);
            if (args != null) {
                return format(key, args);
            }
        }
        return message;
    }

    /** The arguments of {@code text} read by the English pattern of {@code key}, or null when it is not of that pattern. */
    private static Object[] match(String key, String text) {
        MessageFormat english = new MessageFormat(ENGLISH.getString(key), Locale.ROOT);
        ParsePosition at = new ParsePosition(0);
        Object[] args = english.parse(text, at);
        // a whole match only, and one that gives the same text back (the parser is lenient about what follows)
        return args != null && at.getIndex() == text.length() && english.format(args).equals(text) ? args : null;
    }

    private static String format(String key, Object... args) {
        return new MessageFormat(CHINESE.getString(key), Locale.SIMPLIFIED_CHINESE).format(args);
    }

    private static java.util.Optional<String> text(ResourceBundle bundle, String key) {
        try {
            return java.util.Optional.of(bundle.getString(key));
        } catch (MissingResourceException e) {
            return java.util.Optional.empty();
        }
    }

    /** The bundle's keys with this prefix, the longest English pattern first (a specific one before a general one). */
    private static List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>(Collections.list(ENGLISH.getKeys()).stream().filter(k -> k.startsWith(prefix))
                .toList());
        keys.sort((a, b) -> Integer.compare(ENGLISH.getString(b).length(), ENGLISH.getString(a).length()));
        return List.copyOf(keys);
    }
}
