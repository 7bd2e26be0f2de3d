package luoshi.rules.engine;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import luoshi.audit.DataVersion;

/**
 * The versions of this service's answers about a subtree ({@link DataVersion#ofSubtree}), which the gateway's ETags
 * are made of (API.md, "Conditional reads"). A service that starts advances every region's: its code (a rule type's
 * SQL, a seed migration that did not advance the versions) may answer otherwise than the one before it, and a tag
 * given before must not match an answer of the new code.
 */
@ApplicationScoped
public class AnswerVersions {

    private final DataVersion dataVersion;

    AnswerVersions(DataVersion dataVersion) {
        this.dataVersion = dataVersion;
    }

    void started(@Observes StartupEvent started) {
        dataVersion.advance();
    }

    /** The version of the answers about {@code regionCode}'s subtree. */
    public String of(String regionCode) {
        return dataVersion.ofSubtree(regionCode);
    }
}
