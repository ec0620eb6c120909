package dev.troupe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profile samples by library: the leaf-most frame with a library decides; the JVM's threads go by what they are. */
class LibrariesTest {

    @Test
    void aJdkCallGoesToTheLibraryThatMadeIt() {
        assertThat(Libraries.libraryOf("java/lang/Thread.run;dev/troupe/users/UserService.register;"
            + "tools/jackson/databind/ObjectMapper.writeValueAsString;java/util/HashMap.get")).isEqualTo("JSON (Jackson)");
    }

    @Test
    void aSocketWriteGoesToTheDriverThatWrites() {
        assertThat(Libraries.libraryOf("java/lang/Thread.run;org/springframework/jdbc/core/JdbcTemplate.update;"
            + "org/postgresql/core/PGStream.flush;java/net/SocketOutputStream.write;__libc_send;[k] tcp_sendmsg"))
            .isEqualTo("JDBC driver + pool");
    }

    @Test
    void theMoreSpecificSpringPackageComesFirst() {
        assertThat(Libraries.libraryOf("org/springframework/aop/Proxy.invoke;org/springframework/web/servlet/DispatcherServlet.doDispatch"))
            .isEqualTo("Spring web + security");
        assertThat(Libraries.libraryOf("org/springframework/aop/framework/ReflectiveMethodInvocation.proceed"))
            .isEqualTo("Spring (other)");
    }

    @Test
    void theJvmsOwnThreadsGoByWhatTheyAre() {
        assertThat(Libraries.libraryOf("thread_native_entry;JavaThread::thread_main_inner;CompileBroker::compiler_thread_loop;"
            + "C2Compiler::compile_method")).isEqualTo(Libraries.JIT);
        assertThat(Libraries.libraryOf("thread_native_entry;WorkerThread::run;G1ParTask::work")).isEqualTo(Libraries.GC);
        assertThat(Libraries.libraryOf("java/lang/Thread.run;java/util/concurrent/locks/LockSupport.park;futex"))
            .isEqualTo(Libraries.JDK);
        assertThat(Libraries.libraryOf("thread_native_entry;VMThread::run;SafepointSynchronize::begin")).isEqualTo(Libraries.VM);
    }

    @Test
    void collapsedStacksAreCountedAndSharedOutInProportion() {
        Map<String, Long> samples = Libraries.of("""
            dev/troupe/users/UserService.register;org/postgresql/jdbc/PgStatement.execute 30
            dev/troupe/users/UserService.register;com/rabbitmq/client/impl/AMQChannel.transmit 10
            dev/troupe/users/UserService.register 60
            not a stack line
            """);

        assertThat(samples).containsEntry("JDBC driver + pool", 30L).containsEntry("AMQP client", 10L)
            .containsEntry("Troupe", 60L).containsEntry(Libraries.GC, 0L);
        Map<String, Double> shares = Libraries.share(Libraries.sum(List.of(samples, samples)), 2.0);
        assertThat(shares.get("Troupe")).isEqualTo(1.2);
        assertThat(shares.get("JDBC driver + pool")).isEqualTo(0.6);
        assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Libraries.share(Libraries.empty(), 2.0)).isEmpty();
    }
}
