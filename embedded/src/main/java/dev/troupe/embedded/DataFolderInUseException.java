package dev.troupe.embedded;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Another Troupe (another process, or another context of this one) holds the data folder. */
public class DataFolderInUseException extends IllegalStateException {

    private final transient Path folder;
    private final OptionalLong owner;

    public DataFolderInUseException(Path folder, OptionalLong owner) {
        super("the data folder " + folder + " is in use by " + describe(owner));
        this.folder = folder;
        this.owner = owner;
    }

    /**
     * "another Troupe process (pid 1234)", or without the pid where the lock file names none; this
     * process's own pid means another application context of this JVM holds it (tests do that).
     */
    static String describe(OptionalLong owner) {
        if (owner.isEmpty()) {
            return "another Troupe process";
        }
        long pid = owner.getAsLong();
        return pid == ProcessHandle.current().pid()
            ? "another application context of this process (pid " + pid + ")"
            : "another Troupe process (pid " + pid + ")";
    }

    public Path folder() {
        return folder;
    }

    public OptionalLong owner() {
        return owner;
    }

    /** How to stop the owner: its pid where known; not a kill of this very process. */
    public String howToStop() {
        if (owner.isEmpty()) {
            return "stop it (Ctrl+C in its terminal)";
        }
        return owner.getAsLong() == ProcessHandle.current().pid()
            ? "close that context first"
            : "stop it (Ctrl+C in its terminal, or kill " + owner.getAsLong() + ")";
    }
}
