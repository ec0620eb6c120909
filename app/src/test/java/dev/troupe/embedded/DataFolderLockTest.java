package dev.troupe.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The claim on a data folder, and when a process makes one at all. */
class DataFolderLockTest {

    private static final long ME = ProcessHandle.current().pid();

    @TempDir
    Path temp;

    @Test
    void theOwnerWritesItsPidAndASecondClaimNamesIt() throws Exception {
        Path folder = temp.resolve("data");
        try (DataFolderLock first = DataFolderLock.claim(folder)) {
            assertThat(Files.readString(folder.resolve(DataFolderLock.FILE_NAME)).strip()).isEqualTo(Long.toString(ME));

            // held by this JVM: the JDK throws OverlappingFileLockException, which is "held" as well
            assertThatThrownBy(() -> DataFolderLock.claim(folder))
                .isInstanceOfSatisfying(DataFolderInUseException.class, held -> {
                    assertThat(held.folder()).isEqualTo(folder.toAbsolutePath().normalize());
                    assertThat(held.owner()).hasValue(ME);
                    assertThat(held.howToStop()).isEqualTo("close that context first");
                });
        }
    }

    @Test
    void aReleasedFolderCanBeClaimedAgain() {
        Path folder = temp.resolve("data");
        DataFolderLock.claim(folder).close();

        try (DataFolderLock again = DataFolderLock.claim(folder)) {
            assertThat(DataFolderLock.owner(folder.resolve(DataFolderLock.FILE_NAME))).hasValue(ME);
        }
        // emptied on release: a pid left in it would name a process that no longer holds anything
        assertThat(DataFolderLock.owner(folder.resolve(DataFolderLock.FILE_NAME))).isEmpty();
    }

    @Test
    void aLockFileWithoutAPidNamesNoOwner() {
        assertThat(DataFolderLock.parsePid("4242\n")).hasValue(4242);
        assertThat(DataFolderLock.parsePid("")).isEmpty();
        assertThat(DataFolderLock.parsePid("not a pid")).isEmpty();
        assertThat(DataFolderLock.owner(temp.resolve("missing"))).isEmpty();
        assertThat(DataFolderInUseException.describe(OptionalLong.empty())).isEqualTo("another Troupe process");
        DataFolderInUseException other = new DataFolderInUseException(temp, OptionalLong.of(ME + 1));
        assertThat(other.getMessage()).endsWith("in use by another Troupe process (pid " + (ME + 1) + ")");
        assertThat(other.howToStop()).isEqualTo("stop it (Ctrl+C in its terminal, or kill " + (ME + 1) + ")");
    }

    @Test
    void anH2FileUnderTheFolderIsInIt() {
        Path data = Path.of("./data");
        assertThat(H2Files.inFolder("jdbc:h2:file:./data/troupe;MODE=PostgreSQL", data)).isTrue();
        assertThat(H2Files.inFolder("jdbc:h2:data/troupe", data)).isTrue();
        assertThat(H2Files.inFolder("jdbc:h2:file:" + data.toAbsolutePath() + "/sub/../troupe", data)).isTrue();
        assertThat(H2Files.inFolder("jdbc:h2:file:./elsewhere/troupe", data)).isFalse();
        assertThat(H2Files.inFolder("jdbc:h2:mem:troupe", data)).isFalse();
        assertThat(H2Files.inFolder("jdbc:h2:tcp://127.0.0.1:9092/troupe", data)).isFalse();
        assertThat(H2Files.inFolder("jdbc:postgresql://localhost/troupe", data)).isFalse();
        assertThat(H2Files.inFolder(null, data)).isFalse();
    }

    @Test
    void theFolderIsClaimedOnlyWhereTheEmbeddedBrokerOrDatabaseUsesIt() {
        Path data = Path.of("./data");
        String h2 = "jdbc:h2:file:./data/troupe";
        String postgres = "jdbc:postgresql://localhost/troupe";

        assertThat(DataFolderLockInitializer.usesDataFolder(env(null, h2), data)).isTrue();
        assertThat(DataFolderLockInitializer.usesDataFolder(env(null, postgres), data)).isTrue();
        assertThat(DataFolderLockInitializer.usesDataFolder(env("rabbit", h2), data)).isTrue();
        assertThat(DataFolderLockInitializer.usesDataFolder(env("rabbit", postgres), data)).isFalse();
    }

    private static MockEnvironment env(String rabbitHost, String url) {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", url);
        return rabbitHost == null ? environment : environment.withProperty("spring.rabbitmq.host", rabbitHost);
    }
}
