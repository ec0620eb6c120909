package dev.troupe.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Names the data folder, its owner and the two ways out when a second Troupe is started on it. */
class DataFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataFolderInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFolderInUseException cause) {
        return new FailureAnalysis(
            "The data folder %s is in use by %s. One copy of Troupe uses one data folder: its embedded database and broker keep their files there."
                .formatted(cause.folder(), DataFolderInUseException.describe(cause.owner())),
            ("Use the copy that is running, or %s, or start this one on another folder: "
                + "--troupe.embedded.data-dir=<another folder> (TROUPE_EMBEDDED_DATA_DIR).").formatted(cause.howToStop()),
            cause);
    }
}
