package dev.troupe.embedded;

import java.nio.file.Path;

/** Where an embedded H2 URL keeps its files: enough to tell whether a database lives in the data folder. */
final class H2Files {

    private static final String PREFIX = "jdbc:h2:";

    private H2Files() {
    }

    /**
     * Whether {@code url} opens an H2 database in a file under {@code folder}: {@code jdbc:h2:file:<path>}
     * or {@code jdbc:h2:<path>}; not in memory, nor over TCP (the server has the files, not this process).
     */
    static boolean inFolder(String url, Path folder) {
        if (url == null || !url.startsWith(PREFIX)) {
            return false;
        }
        String rest = url.substring(PREFIX.length()).split(";", 2)[0];
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")) {
            return false;
        }
        String path = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return !path.isBlank() && absolute(Path.of(path)).startsWith(absolute(folder));
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
